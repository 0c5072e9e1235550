import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  anyChar,
  anyCharExcept,
  charClass,
  compilePattern,
  literalChar,
  literalParts,
  many,
  one,
  optional,
  type PatternPart,
  replaceAll,
  replaceFirst,
} from '../../core/src/match';

// A tiny notation for the tables: a literal character, `?` any character but `/`, `*` zero or
// more of those, `.` any character, `%` zero or more of any character, `~` zero or more of any
// character, fewest first; `[...]` a class (`^` negates, `a-z` ranges); `(...)` an optional
// group; `\x` a literal x.
function parts(spec: string): PatternPart[] {
  const stack: PatternPart[][] = [[]];
  const chars = [...spec];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const top = stack[stack.length - 1]!;
    if (ch === '?') top.push(one(anyCharExcept('/')));
    else if (ch === '*') top.push(many(anyCharExcept('/')));
    else if (ch === '.') top.push(one(anyChar));
    else if (ch === '%') top.push(many(anyChar));
    else if (ch === '~') top.push(many(anyChar, true));
    else if (ch === '(') stack.push([]);
    else if (ch === ')') {
      const group = stack.pop()!;
      stack[stack.length - 1]!.push(optional(group));
    } else if (ch === '[') {
      let negated = false;
      if (chars[i + 1] === '^') {
        negated = true;
        i++;
      }
      const ranges: { from: string; to: string }[] = [];
      while (chars[++i] !== ']') {
        const from = chars[i]!;
        if (chars[i + 1] === '-' && chars[i + 2] !== ']') {
          ranges.push({ from, to: chars[i + 2]! });
          i += 2;
        } else ranges.push({ from, to: from });
      }
      top.push(one(charClass(ranges, negated)));
    } else if (ch === '\\') top.push(one(literalChar(chars[++i]!)));
    else top.push(one(literalChar(ch)));
  }
  return stack[0]!;
}

describe('whole-string match', () => {
  const cases: [string, string, boolean][] = [
    ['', '', true],
    ['', 'a', false],
    ['a', '', false],
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['a*', 'a', true],
    ['a*', 'abc/d', false],
    ['a%', 'abc/d', true],
    ['*', '', true],
    ['*.go', 'main.go', true],
    ['*.go', 'cmd/main.go', false],
    ['*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(60), false],
    ['*a*a*a*a*a*a*a*a*a*a*b', `${'a'.repeat(60)}b`, true],
    ['.', '😀', true],
    ['..', '😀', false],
    ['?', 'é', true],
    ['a.b', 'a\u{1F600}b', true],
    ['[a-c]', 'b', true],
    ['[a-c]', 'd', false],
    ['[^a-c]', 'd', true],
    ['[^a-c]', 'b', false],
    ['[^/]', '/', false],
    ['[xa-cz]', 'z', true],
    ['[c-a]', 'b', false],
    ['[가-힣]', '한', true],
    ['[😀]', '😀', true],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['(%/)foo', 'foo', true],
    ['(%/)foo', 'a/b/foo', true],
    ['(%/)foo', 'afoo', false],
    ['a/(%/)b', 'a/b', true],
    ['a/(%/)b', 'a/x/y/b', true],
    ['a/(%/)b', 'a/xb', false],
    ['((a)b)c', 'c', true],
    ['((a)b)c', 'bc', true],
    ['((a)b)c', 'abc', true],
    ['((a)b)c', 'ac', false],
  ];
  for (const [spec, text, expected] of cases) {
    test(`${JSON.stringify(spec)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(text)}`, () => {
      assert.equal(compilePattern(parts(spec)).matches(text), expected);
    });
  }
  test('optional groups nested 10,000 deep compile and match without recursion', () => {
    let group: PatternPart[] = literalParts('x');
    for (let i = 0; i < 10_000; i++) group = [optional(group)];
    const pattern = compilePattern([...group, one(literalChar('y'))]);
    assert.equal(pattern.matches('xy'), true);
    assert.equal(pattern.matches('y'), true);
    assert.equal(pattern.matches('xxy'), false);
  });
  test('a character test takes exactly one character', () => {
    assert.throws(() => literalChar('ab'));
    assert.throws(() => anyCharExcept(''));
    assert.throws(() => charClass([{ from: 'a', to: 'bc' }]));
    assert.doesNotThrow(() => literalChar('😀'));
  });
});

describe('all matching prefixes and suffixes in one pass', () => {
  const cases: [string, string, number[], number[]][] = [
    // spec, text, prefix ends, suffix starts
    ['', '', [0], [0]],
    ['', 'ab', [0], [2]],
    ['*', 'ab', [0, 1, 2], [0, 1, 2]],
    ['*', 'a/b', [0, 1], [2, 3]],
    ['a*', 'aaa', [1, 2, 3], [0, 1, 2]],
    ['*a', 'aba', [1, 3], [0, 1, 2]],
    ['?', 'xyz', [1], [2]],
    ['b', 'abc', [], []],
    ['%b%', 'abcb', [2, 3, 4], [0, 1, 2, 3]],
    ['a(%/)', 'a/b/c', [1, 2, 4], []],
    ['(%/)c', 'a/b/c', [5], [0, 1, 2, 3, 4]],
    ['.', '😀😀', [2], [2]],
    ['%', '😀x', [0, 2, 3], [0, 2, 3]],
  ];
  for (const [spec, text, prefixEnds, suffixStarts] of cases) {
    test(`${JSON.stringify(spec)} over ${JSON.stringify(text)}`, () => {
      const pattern = compilePattern(parts(spec));
      assert.deepEqual(pattern.prefixEnds(text), prefixEnds);
      assert.deepEqual(pattern.suffixStarts(text), suffixStarts);
    });
  }
  test('from and end bound the text', () => {
    const pattern = compilePattern(parts('b*'));
    assert.deepEqual(pattern.prefixEnds('abcb', 1), [2, 3, 4]);
    assert.deepEqual(pattern.suffixStarts('abcb', 3), [1]);
  });
  test('100,000 characters against a pattern that never matches', () => {
    const pattern = compilePattern(parts('*a*a*a*a*a*a*a*a*a*a*b'));
    const text = 'a'.repeat(100_000);
    assert.deepEqual(pattern.prefixEnds(text), []);
    assert.deepEqual(pattern.suffixStarts(text), []);
    assert.equal(pattern.matches(text), false);
    assert.equal(pattern.find(text), undefined);
  });
});

describe('find: the match a backtracking engine would choose', () => {
  const cases: [string, string, number, [number, number] | undefined][] = [
    ['b', 'abcb', 0, [1, 2]],
    ['b', 'abcb', 2, [3, 4]],
    ['b', 'abcb', 4, undefined],
    ['', 'ab', 0, [0, 0]],
    ['', 'ab', 2, [2, 2]],
    ['a%b', 'xxab ab c', 0, [2, 7]], // greedy: as far as the last b
    ['a~b', 'xxab ab c', 0, [2, 4]], // lazy: the first b
    ['%', 'abc', 0, [0, 3]],
    ['~', 'abc', 0, [0, 0]],
    ['*', 'ab/cd', 0, [0, 2]],
    ['*', 'ab/cd', 2, [2, 2]],
    ['%a%b', 'xaxbxaxb', 0, [0, 8]],
    ['~a%b', 'xaxbxaxb', 0, [0, 8]],
    ['~a~b', 'xaxbxaxb', 0, [0, 4]],
    ['(ab)a', 'aba', 0, [0, 3]], // greedy group: taken when the rest still matches
    ['a(ab)', 'aab', 0, [0, 3]],
    ['a(b)', 'ac', 0, [0, 1]],
    ['[0-9]', 'v1.2', 0, [1, 2]],
    ['.', '😀a', 0, [0, 2]],
    ['a', '😀a', 0, [2, 3]],
  ];
  for (const [spec, text, from, expected] of cases) {
    test(`${JSON.stringify(spec)} in ${JSON.stringify(text)} from ${from}`, () => {
      const match = compilePattern(parts(spec)).find(text, from);
      assert.deepEqual(match === undefined ? undefined : [match.start, match.end], expected);
    });
  }
  test('matchPrefix and matchSuffix pick as a backtracking engine does', () => {
    assert.equal(compilePattern(parts('%b')).matchPrefix('abab'), 4);
    assert.equal(compilePattern(parts('~b')).matchPrefix('abab'), 2);
    assert.equal(compilePattern(parts('~b')).matchPrefix('xxx'), undefined);
    assert.equal(compilePattern(parts('~b')).matchPrefix('abab', 2), 4);
    // The reversed pattern `b%` / `b~` runs over the reversed text from the end.
    assert.equal(compilePattern(parts('%b')).matchSuffix('abab'), 0);
    assert.equal(compilePattern(parts('~b')).matchSuffix('abab'), 3);
    assert.equal(compilePattern(parts('a%')).matchSuffix('abab'), 0);
    assert.equal(compilePattern(parts('a~')).matchSuffix('abab'), 2);
    assert.equal(compilePattern(parts('a')).matchSuffix('abab'), undefined);
    assert.equal(compilePattern(parts('')).matchSuffix('abab'), 4);
  });

  // Differential check against JavaScript's backtracking RegExp, which picks matches the way
  // Go's regexp does for these patterns (leftmost, then priority). Small inputs only.
  const toRegExpSource = (spec: string): string =>
    [...spec].map((ch) => ({ '?': '[^/]', '*': '[^/]*', '.': '[^]', '%': '[^]*', '~': '[^]*?' })[ch] ?? ch).join('');
  test('agrees with a backtracking engine on 3,000 random patterns and texts', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = (alphabet: string, length: number): string =>
      Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    for (let round = 0; round < 3_000; round++) {
      const spec = pick('ab?*%~.', random(6));
      const text = pick('ab/', random(9));
      const from = random(text.length + 1);
      const pattern = compilePattern(parts(spec));
      const source = toRegExpSource(spec);
      const global = new RegExp(source, 'gu');
      global.lastIndex = from;
      const expected = global.exec(text);
      const found = pattern.find(text, from);
      const context = `${JSON.stringify(spec)} in ${JSON.stringify(text)} from ${from}`;
      assert.deepEqual(
        found && [found.start, found.end],
        expected ? [expected.index, expected.index + expected[0].length] : undefined,
        context,
      );
      const anchored = new RegExp(`^(?:${source})`, 'u').exec(text);
      assert.equal(pattern.matchPrefix(text), anchored ? anchored[0].length : undefined, context);
      assert.equal(pattern.matches(text), new RegExp(`^(?:${source})$`, 'u').test(text), context);
      const ends = [...Array(text.length + 1).keys()].filter((e) =>
        new RegExp(`^(?:${source})$`, 'u').test(text.slice(0, e)),
      );
      assert.deepEqual(pattern.prefixEnds(text), ends, context);
      // matchSuffix: the reversed pattern over the reversed text, from its start.
      const reversed = new RegExp(`^(?:${toRegExpSource([...spec].reverse().join(''))})`, 'u').exec(
        [...text].reverse().join(''),
      );
      assert.equal(pattern.matchSuffix(text), reversed ? text.length - reversed[0].length : undefined, context);
      const starts = [...Array(text.length + 1).keys()].filter((s) =>
        new RegExp(`^(?:${source})$`, 'u').test(text.slice(s)),
      );
      assert.deepEqual(pattern.suffixStarts(text), starts, context);
    }
  });
});

describe('replacing matches with Go regexp rules', () => {
  const cases: [string, string, boolean, string][] = [
    ['b', 'abcb', false, 'aXcb'],
    ['b', 'abcb', true, 'aXcX'],
    ['', 'abc', false, 'Xabc'],
    ['', 'abc', true, 'XaXbXcX'], // an empty match at every position
    ['%', 'abc', true, 'X'], // no second, empty match right after the first
    ['*', 'ab/cd', true, 'X/X'],
    ['a%', 'baaac', true, 'bX'],
    ['q', 'abc', true, 'abc'],
    ['', '', true, 'X'],
    ['.', '😀😀', true, 'XX'],
    ['', '😀', true, 'X😀X'],
  ];
  for (const [spec, text, all, expected] of cases) {
    test(`${all ? 'all' : 'first'} ${JSON.stringify(spec)} in ${JSON.stringify(text)}`, () => {
      const pattern = compilePattern(parts(spec));
      assert.equal(
        (all ? replaceAll : replaceFirst)(pattern, text, () => 'X'),
        expected,
      );
    });
  }
  test('the replacement sees the match', () => {
    const pattern = compilePattern(parts('[0-9][0-9]'));
    assert.equal(
      replaceAll(pattern, 'v12.345', (m) => `<${'v12.345'.slice(m.start, m.end)}>`),
      'v<12>.<34>5',
    );
  });
  test('every empty match in 100,000 characters', () => {
    assert.equal(
      replaceAll(compilePattern([]), 'a'.repeat(100_000), () => '-'),
      `-${'a-'.repeat(100_000)}`,
    );
  });
});
