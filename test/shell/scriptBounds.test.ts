// The scripts the shell parser does not read: longer than MAX_SCRIPT_LENGTH, or holding a word
// longer than MAX_WORD_LENGTH (tree-sitter-bash is slow on those); said once per process.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { parseDockerfile } from '../../core/src/parser';
import {
  initShellParser,
  MAX_SCRIPT_LENGTH,
  MAX_WORD_LENGTH,
  onScriptTooLong,
  runShell,
  scriptTooLarge,
} from '../../core/src/shell';

before(() => initShellParser());

const run = (text: string) => runShell(parseDockerfile(`FROM a\n${text}\n`).instructions[1]!)!;

test('a word up to MAX_WORD_LENGTH is read; one character more is not', () => {
  assert.equal(scriptTooLarge(`echo ${'a'.repeat(MAX_WORD_LENGTH)} b`), undefined);
  assert.equal(
    scriptTooLarge(`echo ${'a'.repeat(MAX_WORD_LENGTH + 1)} b`),
    `the script has a word of more than ${MAX_WORD_LENGTH} characters`,
  );
  // Spaces, tabs and line breaks end a word.
  assert.equal(
    scriptTooLarge(
      `${'a'.repeat(MAX_WORD_LENGTH)}\n${'a'.repeat(MAX_WORD_LENGTH)}\t${'a'.repeat(MAX_WORD_LENGTH)}\r\n`,
    ),
    undefined,
  );
});

test('a script up to MAX_SCRIPT_LENGTH is read; a longer one is not, whatever its words', () => {
  const line = 'echo line 1234567\n';
  const lines = Math.floor(MAX_SCRIPT_LENGTH / line.length);
  assert.equal(scriptTooLarge(line.repeat(lines)), undefined);
  assert.equal(scriptTooLarge(line.repeat(lines + 1)), `the script has more than ${MAX_SCRIPT_LENGTH} characters`);
});

test('the worst cases: 400,001 `$` or alternating quotes give no shell view, and it is said once', () => {
  const heard: string[] = [];
  onScriptTooLong((message) => heard.push(message));
  const dollars = run(`RUN echo ${'$'.repeat(400_001)}`);
  assert.deepEqual(
    [dollars.error, dollars.commands.length],
    [`the script has a word of more than ${MAX_WORD_LENGTH} characters`, 0],
  );
  const quotes = run(`RUN ${`'"\\`.repeat(133_334)}`);
  assert.deepEqual(
    [quotes.error, quotes.commands.length],
    [`the script has a word of more than ${MAX_WORD_LENGTH} characters`, 0],
  );
  assert.equal(heard.length, 1);
  assert.match(heard[0]!, /does not read a RUN whose script is this large/);
});

test('a 40,000-line heredoc script of short words is still read in full', () => {
  const shell = run(`RUN <<EOF\n${Array.from({ length: 40_000 }, (_, i) => `echo line ${i}`).join('\n')}\nEOF`);
  assert.equal(shell.error, undefined);
  assert.equal(shell.commands.length, 40_000);
  assert.equal(shell.commands[39_999]!.range.start.line, 40_001);
});
