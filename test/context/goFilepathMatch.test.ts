// Go's filepath.Match as BuildKit uses it for COPY/ADD source wildcards. The table is Go's own
// (path/filepath match_test.go), with cases for what COPY relies on; every answer here was
// checked against Go 1.19's filepath.Match.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GoFilepathPattern } from '../../core/src/context/goFilepathMatch';

/** filepath.Match's answer; 'bad' for a pattern Go rejects (ErrBadPattern: it then matches nothing). */
function match(pattern: string, name: string): boolean | 'bad' {
  const compiled = GoFilepathPattern.compile(pattern);
  return compiled ? compiled.matches(name) : 'bad';
}

describe('filepath.Match', () => {
  test("Go's table", () => {
    const cases: [string, string, boolean | 'bad'][] = [
      ['abc', 'abc', true],
      ['*', 'abc', true],
      ['*c', 'abc', true],
      ['a*', 'a', true],
      ['a*', 'abc', true],
      ['a*', 'ab/c', false],
      ['a*/b', 'abc/b', true],
      ['a*/b', 'a/c/b', false],
      ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
      ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
      ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
      ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
      ['a*b?c*x', 'abxbbxdbxebxczzx', true],
      ['a*b?c*x', 'abxbbxdbxebxczzy', false],
      ['ab[c]', 'abc', true],
      ['ab[b-d]', 'abc', true],
      ['ab[e-g]', 'abc', false],
      ['ab[^c]', 'abc', false],
      ['ab[^b-d]', 'abc', false],
      ['ab[^e-g]', 'abc', true],
      ['a\\*b', 'a*b', true],
      ['a\\*b', 'ab', false],
      ['a?b', 'a☺b', true],
      ['a[^a]b', 'a☺b', true],
      ['a???b', 'a☺b', false],
      ['a[^a][^a][^a]b', 'a☺b', false],
      ['[a-ζ]*', 'α', true],
      ['*[a-ζ]', 'A', false],
      ['a?b', 'a/b', false],
      ['a*b', 'a/b', false],
      ['[\\]a]', ']', true],
      ['[\\-]', '-', true],
      ['[x\\-]', 'x', true],
      ['[x\\-]', '-', true],
      ['[x\\-]', 'z', false],
      ['[\\-x]', 'x', true],
      ['[\\-x]', '-', true],
      ['[\\-x]', 'a', false],
      ['[]a]', ']', 'bad'],
      ['[-]', '-', 'bad'],
      ['[x-]', 'x', 'bad'],
      ['[-x]', 'x', 'bad'],
      ['\\', 'a', 'bad'],
      ['[a-b-c]', 'a', 'bad'],
      ['[', 'a', 'bad'],
      ['[^', 'a', 'bad'],
      ['[^bc', 'a', 'bad'],
      ['a[', 'a', 'bad'],
      ['a[', 'ab', 'bad'],
      ['a[', 'x', 'bad'],
      ['a/b[', 'x', 'bad'],
      ['*x', 'xxx', true],
    ];
    assert.deepEqual(
      cases.map(([pattern, name]) => match(pattern, name)),
      cases.map(([, , expected]) => expected),
    );
  });

  test('what COPY sources rely on', () => {
    const cases: [string, string, boolean | 'bad'][] = [
      // `*` and `?` stay inside one segment; a dot is an ordinary character.
      ['*', '.env', true],
      ['*.go', 'a/b.go', false],
      ['?', '/', false],
      ['a?c', 'a.c', true],
      // `**` is two stars: no more than one `*`.
      ['**/*.go', 'a/b.go', true],
      ['**/*.go', 'b.go', false],
      ['**/*.go', 'a/b/c.go', false],
      ['**', 'a/b', false],
      // Classes: only `^` negates (`!` is a member), ranges compare code points, a backwards
      // range is valid and takes nothing, and a class takes `/` like any character.
      ['[!a]', '!', true],
      ['[!a]', 'b', false],
      ['[^a]', '/', true],
      ['a[/]b', 'a/b', true],
      ['[z-a]', 'z', false],
      ['[^z-a]', 'q', true],
      ['[0-9][0-9]', '42', true],
      ['arr[[]0].txt', 'arr[0].txt', true],
      ['\\[x]', '[x]', true],
      ['\\?', 'a', false],
      // An unmatched `]` outside a class is a literal.
      ['a]', 'a]', true],
      // Go places each chunk at its first match and never moves it back: `*a[a/]` takes `aa`,
      // and the star before `b` cannot cross the `/` (the regular expression would match).
      ['*a[a/]*b', 'aa/b', false],
      ['*a[a/]*b', 'xa/b', true],
      // Only the last chunk is tried at every start until it ends the name.
      ['*ab', 'abab', true],
      ['*a*', 'bab', true],
      ['', '', true],
      ['', 'a', false],
    ];
    assert.deepEqual(
      cases.map(([pattern, name]) => match(pattern, name)),
      cases.map(([, , expected]) => expected),
    );
  });

  test('characters are code points: the one place Go, reading UTF-8 bytes, differs', () => {
    // After a star Go may start `?` inside a multi-byte character and count its leftover
    // bytes as characters: filepath.Match("*??", "€") is true. Here `€` is one character.
    assert.equal(match('*??', '€'), false);
    assert.equal(match('*?', '€'), true);
    assert.equal(match('??', '😀'), false);
    assert.equal(match('?', '😀'), true);
  });

  test('each prefix ending at a folder boundary, in one call', () => {
    const levels = (pattern: string, path: string): boolean => {
      const ends: number[] = [];
      for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) ends.push(i);
      ends.push(path.length);
      return GoFilepathPattern.compile(pattern)!.matchesPrefix(path, ends);
    };
    assert.equal(levels('*.d', 'conf.d/a/b'), true);
    assert.equal(levels('*/b', 'a/b/c/d'), true);
    assert.equal(levels('*/c', 'a/b/c'), false);
    assert.equal(levels('a*', 'b/a'), false);
    assert.equal(levels('*[/]b', 'a/b/c'), true);
    assert.equal(levels('a[^x]b', 'a/b'), true);
  });
});

describe('hostile patterns answer in linear time', () => {
  test('stars that a backtracking matcher retries exponentially', { timeout: 10_000 }, () => {
    assert.equal(match('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(60)), false);
    assert.equal(match(`${'*a'.repeat(5_000)}b`, 'a'.repeat(50_000)), false);
    assert.equal(match(`${'*a'.repeat(5_000)}*`, 'a'.repeat(50_000)), true);
  });

  test('a long chunk after a star against a long name', { timeout: 10_000 }, () => {
    assert.equal(match(`*${'a'.repeat(5_000)}b`, 'a'.repeat(100_000)), false);
    assert.equal(match(`*${'[a-b]'.repeat(5_000)}b`, `${'a'.repeat(100_000)}b`), true);
  });

  test('20,000 folders, each tested as a prefix', { timeout: 10_000 }, () => {
    const path = `${'b/'.repeat(20_000)}c`;
    const ends: number[] = [];
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) ends.push(i);
    ends.push(path.length);
    assert.equal(GoFilepathPattern.compile('*/*/*/x')!.matchesPrefix(path, ends), false);
    assert.equal(GoFilepathPattern.compile(`${'[^a]'.repeat(3_000)}*c`)!.matchesPrefix(path, ends), false);
    assert.equal(GoFilepathPattern.compile(`*${'[^a]*'.repeat(2_000)}`)!.matchesPrefix(path, ends), true);
  });
});
