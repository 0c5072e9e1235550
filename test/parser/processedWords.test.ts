// Words read the way BuildKit's shell lexer reads COPY/ADD/WORKDIR/... arguments: quotes
// removed, escapes applied (with the file's escape character), references found and expanded,
// and the place where text appended to the value must be written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type Instruction,
  parseDockerfile,
  processedArguments,
  processedCopyPaths,
  processedRest,
} from '../../core/src/parser';
import { expandValue } from '../../core/src/model';
import { showRange } from '../helpers/show';

function instructionOf(text: string, keyword: string): { instruction: Instruction; escape: string } {
  const tree = parseDockerfile(text);
  const instruction = tree.instructions.find((i) => i.keyword === keyword);
  if (!instruction) throw new Error(`no ${keyword}`);
  return { instruction, escape: tree.escapeChar };
}

function destinationOf(text: string) {
  const { instruction, escape } = instructionOf(text, 'COPY');
  const lookup = (name: string): string | undefined => (name === 'DIR' ? '/opt' : undefined);
  const { destination } = processedCopyPaths(instruction, escape, (raw) => expandValue(raw, lookup, escape));
  if (!destination) throw new Error('no destination');
  return destination;
}

describe('processed words', () => {
  // [destination as written, value, hasVariable, expanded]
  const CASES: [string, string, boolean, string | undefined][] = [
    ['"baz/"', 'baz/', false, 'baz/'],
    ["'baz/'", 'baz/', false, 'baz/'],
    ['ba"z"/', 'baz/', false, 'baz/'],
    // Outside quotes the escape character keeps the next character (BuildKit splits on spaces first).
    ['a\\b', 'ab', false, 'ab'],
    // Single quotes keep `$`; an escaped `$` is no reference, in double quotes too.
    ["'$DIR'", '$DIR', false, '$DIR'],
    ['\\$DIR', '$DIR', false, '$DIR'],
    ['"\\$DIR"', '$DIR', false, '$DIR'],
    // In double quotes the escape character escapes only `"`, `$`, itself (and a newline).
    ['"a\\b"', 'a\\b', false, 'a\\b'],
    ['"a\\"b"', 'a"b', false, 'a"b'],
    ['"$DIR/x"', '$DIR/x', true, '/opt/x'],
    ['${DIR}/', '${DIR}/', true, '/opt/'],
    ['$OTHER/', '$OTHER/', true, undefined],
  ];
  for (const [written, value, hasVariable, expanded] of CASES) {
    test(`COPY a ${written}`, () => {
      const word = destinationOf(`FROM alpine\nCOPY a ${written}\n`);
      assert.deepEqual([word.value, word.hasVariable, word.expanded], [value, hasVariable, expanded]);
    });
  }

  test('the backtick escape character: a backslash is an ordinary character', () => {
    const word = destinationOf('# escape=`\nFROM alpine\nCOPY a "C:\\dir\\"\n');
    assert.equal(word.value, 'C:\\dir\\');
    const escaped = destinationOf('# escape=`\nFROM alpine\nCOPY a b` c\n');
    // `b` escapes the space: one word for the lexer, but BuildKit splits COPY on whitespace first.
    assert.equal(escaped.value, 'c');
    const quoted = destinationOf('# escape=`\nFROM alpine\nCOPY a "x`"y"\n');
    assert.equal(quoted.value, 'x"y');
    const dollar = destinationOf('# escape=`\nFROM alpine\nCOPY a `$DIR\n');
    assert.deepEqual([dollar.value, dollar.hasVariable], ['$DIR', false]);
  });

  test('exec-form strings are decoded, then read by the same lexer', () => {
    const { instruction, escape } = instructionOf('FROM alpine\nCOPY ["a b", "\\"/x y/\\""]\n', 'COPY');
    const { sources, destination } = processedCopyPaths(instruction, escape);
    assert.deepEqual(
      sources.map((s) => s.value),
      ['a b'],
    );
    assert.equal(destination?.value, '/x y/');
  });

  test('exec-form Windows paths: the lexer drops backslashes unless the escape character is a backtick', () => {
    const json = 'COPY ["a", "C:\\\\dir\\\\"]\n';
    assert.equal(destinationOf(`FROM alpine\n${json}`).value, 'C:dir');
    const backtick = destinationOf(`# escape=\`\nFROM alpine\n${json}`);
    assert.deepEqual([backtick.lexed, backtick.value], ['C:\\dir\\', 'C:\\dir\\']);
  });

  test('appendAt: inside a closing quote, before the JSON quote, nowhere when unterminated', () => {
    const at = (text: string): string | undefined => {
      const position = destinationOf(text).appendAt;
      return position && `${position.line}:${position.character}`;
    };
    assert.equal(at('FROM alpine\nCOPY a b "baz"\n'), '1:13');
    assert.equal(at("FROM alpine\nCOPY a b 'baz'\n"), '1:13');
    assert.equal(at('FROM alpine\nCOPY a b baz\n'), '1:12');
    assert.equal(at('FROM alpine\nCOPY ["a", "b", "baz"]\n'), '1:20');
    assert.equal(at('FROM alpine\nCOPY a b "baz\n'), undefined);
  });

  test('WORKDIR, USER and VOLUME words', () => {
    const workdir = instructionOf('FROM alpine\nWORKDIR "/usr/local"\n', 'WORKDIR');
    const path = processedRest(workdir.instruction, workdir.escape);
    assert.equal(path?.value, '/usr/local');
    assert.equal(path && showRange(path.range), '1:8-1:20');
    const user = instructionOf("FROM alpine\nUSER 'root'\n", 'USER');
    assert.equal(processedRest(user.instruction, user.escape)?.value, 'root');
    const volume = instructionOf('FROM alpine\nVOLUME ["/data"]\nVOLUME "/a" /b\n', 'VOLUME');
    assert.deepEqual(
      processedArguments(volume.instruction, volume.escape).map((w) => w.value),
      ['/data'],
    );
  });
});
