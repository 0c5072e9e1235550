// Reference scanning without recursion: deep nesting, many references, and agreement with
// the straightforward recursive reading on small inputs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_VARIABLE_NESTING, parseDockerfile } from '../../core/src/parser';
import { findClosingBrace, matchBraces, scanVariables, type VariableSpan } from '../../core/src/parser/variables';
import { showRange } from '../helpers/show';

const problems = (text: string): string[] =>
  parseDockerfile(text)
    .instructions.flatMap((i) => i.problems)
    .map((p) => `${p.code}@${showRange(p.range)}`);
const nested = (depth: number, inner = 'x'): string => `${'${a:-'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

describe('nesting limit', () => {
  test(`${MAX_VARIABLE_NESTING} levels of \${ are read without a problem, and a $NAME inside them`, () => {
    const tree = parseDockerfile(`FROM ${nested(MAX_VARIABLE_NESTING, '$b')}`);
    const variables = tree.instructions[0]!.variables;
    assert.equal(variables.length, MAX_VARIABLE_NESTING + 1);
    assert.equal(variables.at(-1)!.name, 'b');
    assert.deepEqual(tree.instructions[0]!.problems, []);
  });
  test('a ${ one level deeper is reported once, on the reference holding it', () => {
    const text = `FROM ${nested(MAX_VARIABLE_NESTING, '${b}')}`;
    // `${b}` is the 65th level: the 64th `${a:-...}` holds it.
    const start = 5 + 5 * (MAX_VARIABLE_NESTING - 1);
    const end = start + 5 + 4 + 1;
    assert.deepEqual(problems(text), [`nesting-too-deep@0:${start}-0:${end}`]);
    const tree = parseDockerfile(text);
    assert.match(tree.instructions[0]!.problems[0]!.message.en, /nested more than 64 levels/);
    const variables = tree.instructions[0]!.variables;
    assert.equal(variables.length, MAX_VARIABLE_NESTING);
    assert.equal(variables.at(-1)!.malformed, `variable references nested more than ${MAX_VARIABLE_NESTING} levels`);
  });
  test('2,000 levels: one problem, 64 references, no overflow', () => {
    const tree = parseDockerfile(`FROM ${nested(2_000)}\n`);
    assert.equal(tree.instructions[0]!.variables.length, MAX_VARIABLE_NESTING);
    assert.deepEqual(
      tree.instructions[0]!.problems.map((p) => p.code),
      ['nesting-too-deep'],
    );
  });
  test('2,000 levels in a heredoc line and in RUN do not overflow', () => {
    const tree = parseDockerfile(`FROM a\nRUN ${nested(2_000)}\nCOPY <<EOF /x\n${nested(2_000)}\nEOF\n`);
    assert.equal(tree.instructions[1]!.variables.length, MAX_VARIABLE_NESTING);
    assert.equal(tree.instructions[2]!.variables.length, MAX_VARIABLE_NESTING);
  });
  test('2,000 unclosed levels: one reference missing its brace', () => {
    const tree = parseDockerfile(`FROM ${'${a:-'.repeat(2_000)}x`);
    assert.deepEqual(
      tree.instructions[0]!.variables.map((v) => v.malformed),
      ['missing closing brace'],
    );
  });
});

describe('many references', () => {
  test('150,000 references in a closed default word', () => {
    const tree = parseDockerfile(`FROM \${a:-${'$x'.repeat(150_000)}}\n`);
    const variables = tree.instructions[0]!.variables;
    assert.equal(variables.length, 150_001);
    assert.equal(variables[0]!.name, 'a');
    assert.equal(variables[150_000]!.name, 'x');
    assert.deepEqual(tree.instructions[0]!.problems, []);
  });
  test('150,000 references after an unclosed `${a:-`', () => {
    const tree = parseDockerfile(`FROM \${a:-${'$x'.repeat(150_000)}\n`);
    assert.deepEqual(
      tree.instructions[0]!.variables.map((v) => v.malformed),
      ['missing closing brace'],
    );
  });
  test('100,000 sibling `${x}` and 100,000 unclosed `${`', () => {
    assert.equal(parseDockerfile(`FROM ${'${x}'.repeat(100_000)}`).instructions[0]!.variables.length, 100_000);
    assert.equal(parseDockerfile(`FROM ${'${'.repeat(100_000)}`).instructions[0]!.variables.length, 1);
  });
});

// The recursive reading the scanner replaced, kept here as a reference for small inputs.
function recursiveScan(
  text: string,
  from: number,
  to: number,
  escape: string,
  singleQuotesAreLiteral: boolean,
): VariableSpan[] {
  const MODIFIERS = [':-', ':+', ':?', '##', '%%', '//', '-', '+', '?', '#', '%', '/'];
  const isNameStart = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z_]/.test(ch);
  const isNameChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_]/.test(ch);
  const found: VariableSpan[] = [];
  let inDouble = false;
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    if (ch === escape) {
      i += 2;
      continue;
    }
    if (ch === '"') inDouble = !inDouble;
    else if (ch === "'" && singleQuotesAreLiteral && !inDouble) {
      const close = text.indexOf("'", i + 1);
      i = close < 0 || close >= to ? to : close + 1;
      continue;
    } else if (ch === '$') {
      const next = text[i + 1];
      const base = {
        braced: false,
        modifier: undefined,
        modifierWord: undefined,
        malformed: undefined,
        nestedTooDeep: false,
      };
      if (isNameStart(next)) {
        let end = i + 2;
        while (end < to && isNameChar(text[end])) end++;
        found.push({ ...base, name: text.slice(i + 1, end), start: i, end, nameStart: i + 1, nameEnd: end });
        i = end;
        continue;
      }
      if (next === '{' && i + 1 < to) {
        const nameStart = i + 2;
        let nameEnd = nameStart;
        while (nameEnd < to && isNameChar(text[nameEnd])) nameEnd++;
        const name = text.slice(nameStart, nameEnd);
        const close = findClosingBrace(text, nameEnd, to, escape);
        const span: VariableSpan = {
          ...base,
          braced: true,
          name,
          start: i,
          end: close < 0 ? to : close + 1,
          nameStart,
          nameEnd,
        };
        found.push(span);
        i = span.end;
        if (close < 0) span.malformed = 'missing closing brace';
        else if (name === '' || !isNameStart(name[0]))
          span.malformed = name === '' ? 'missing variable name' : `invalid variable name "${name}"`;
        else if (nameEnd !== close) {
          const modifier = MODIFIERS.find((m) => text.startsWith(m, nameEnd));
          if (modifier === undefined) span.malformed = `unsupported modifier "${text[nameEnd]}"`;
          else {
            span.modifier = modifier;
            span.modifierWord = text.slice(nameEnd + modifier.length, close);
            found.push(...recursiveScan(text, nameEnd + modifier.length, close, escape, false));
          }
        }
        continue;
      }
    }
    i++;
  }
  return found;
}

describe('the scanner reads as the recursive reading did', () => {
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = [
    '$',
    '{',
    '}',
    'a',
    'b1',
    ':-',
    '#',
    '%%',
    '/',
    '!',
    "'",
    '"',
    '\\',
    '`',
    ' ',
    '${',
    '${a',
    '${a:-',
    '$b',
  ];
  test('on 5,000 random texts, with both escape characters and both quote modes', () => {
    for (let round = 0; round < 5_000; round++) {
      const text = Array.from({ length: random(14) }, () => pieces[random(pieces.length)]).join('');
      const escape = round % 2 === 0 ? '\\' : '`';
      const singleQuotes = round % 3 !== 0;
      const from = random(3);
      const context = `${JSON.stringify(text)} from ${from} escape ${escape} quotes ${singleQuotes}`;
      assert.deepEqual(
        scanVariables(text, from, text.length, escape, singleQuotes),
        recursiveScan(text, from, text.length, escape, singleQuotes),
        context,
      );
      const closes = matchBraces(text, from, text.length, escape);
      for (const [dollar, close] of closes)
        assert.equal(findClosingBrace(text, dollar + 2, text.length, escape), close, context);
    }
  });
});
