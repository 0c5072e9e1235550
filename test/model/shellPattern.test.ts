// `${VAR#...}`, `##`, `%`, `%%`, `/` and `//` against BuildKit's shell lexer
// (frontend/dockerfile/shell/lex.go and its tests), and the worst cases of each path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expandValue } from '../../core/src/model';
import { expandReplacementTemplate } from '../../core/src/model/replacementTemplate';
import { reverseShellPattern, shellPatternParts } from '../../core/src/model/shellPattern';

type Env = Record<string, string>;
const expand = (raw: string, env: Env, escape = '\\'): string | undefined =>
  expandValue(raw, (name) => env[name], escape);

/** Equality for long strings that reports where they differ instead of printing them. */
function same(actual: string | undefined, expected: string | undefined): void {
  if (actual === expected) return;
  if (actual === undefined || expected === undefined)
    assert.fail(
      `expected ${expected === undefined ? 'undefined' : `${expected.length} characters`}, ` +
        `got ${actual === undefined ? 'undefined' : `${actual.length} characters`}`,
    );
  let i = 0;
  while (actual[i] === expected[i]) i++;
  assert.fail(
    `lengths ${actual.length} and ${expected.length}; first difference at ${i}: ` +
      `${JSON.stringify(actual.slice(i, i + 20))} vs ${JSON.stringify(expected.slice(i, i + 20))}`,
  );
}

describe('pattern modifiers behave as in BuildKit', () => {
  // [input, variables, expected value; undefined where the build fails or a value is unknown]
  const cases: [string, Env, string | undefined][] = [
    // Characters that are special in regular expressions are plain in patterns; `\}` keeps
    // the brace in the pattern, `\*`, `\?` and `\\` are literal.
    ['${FOO#()[]{\\}^$.\\*\\?|\\\\}', { FOO: '()[]{}^$.*?|\\x' }, 'x'],
    ['${FOO%%\\**}', { FOO: 'xx**' }, 'xx'],
    ['${FOO#*x*y}', { FOO: 'xxyy' }, 'y'],
    ['${FOO#*}', { FOO: 'xxyy' }, 'xxyy'],
    ['${FOO##*}', { FOO: 'xxyy' }, ''],
    ['${FOO#$BAR}', { FOO: 'xxyy', BAR: 'x' }, 'xyy'],
    ['${FOO#$BAR}', { FOO: 'xxyy', BAR: '' }, 'xxyy'],
    ['${FOO#}', { FOO: 'xxyy' }, 'xxyy'],
    ['${FOO##*x}', { FOO: 'xxyy' }, 'yy'],
    ['${FOO##}', { FOO: 'xxyy' }, 'xxyy'],
    ['${FOO#?\\?}', { FOO: '???y' }, '?y'],
    ['${ABC:-.}${FOO%x}${ABC:-.}', { FOO: 'xxyy' }, '.xxyy.'],
    ['${FOO%y}', { FOO: 'xxyy' }, 'xxy'],
    ['${FOO%y*}', { FOO: 'xxyy' }, 'xxy'],
    ['${FOO%%y*}', { FOO: 'xxyy' }, 'xx'],
    ['${FOO%%\\**\\*}', { FOO: 'a***yy*' }, 'a'],
    ['${FOO%}', { FOO: 'xxyy' }, 'xxyy'],
    ['${FOO%%$BAR}', { FOO: 'xxyy', BAR: '' }, 'xxyy'],
    // `#` and `%` take no colon.
    ['${FOO:#}', {}, undefined],
    ['${FOO:##}', {}, undefined],
    ['${FOO:%}', {}, undefined],
    ['${FOO:%%}', {}, undefined],
    // Replacing: a pattern from a variable is still a pattern; `/` ends the pattern.
    ['${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}', { FOO: '/foo*/*/*.txt', NEEDLE: '\\*/' }, '/foo.*/*.txt - /foo..*.txt'],
    ['${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}', { FOO: '/tmp/tmp/bar.txt', NEEDLE: '/tmp' }, '/tmp/bar.txt - /bar.txt'],
    [
      '${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}',
      { FOO: '/a/foo/b/c.txt', NEEDLE: '/?/', REPLACEMENT: '/' },
      '/foo/b/c.txt - /foo/c.txt',
    ],
    [
      '${FOO/$NEEDLE/$REPLACEMENT}',
      { FOO: 'http://google.de', NEEDLE: 'http://', REPLACEMENT: 'https://' },
      'https://google.de',
    ],
    // Escaped separators: the pattern drops the `\`, the replacement keeps it.
    ['${FOO//\\//\\/}', { FOO: '/tmp/foo.txt' }, '\\/tmp\\/foo.txt'],
    ['${FOO/$BAR/ww}', { FOO: 'xxyy', BAR: '' }, 'wwxxyy'],
    ['${FOO//ww}', { FOO: 'xxyy' }, undefined],
    ['${FOO//}', { FOO: 'xxyy' }, undefined],
    ['${FOO/a}', { FOO: 'xxyy' }, undefined],
    ['${FOO///}', { FOO: 'xxyy' }, 'xxyy'],
    // BuildKit gives '' for an unset FOO; an unset name may be a --build-arg, so: unknown.
    ['${FOO///}', {}, undefined],
  ];
  for (const [input, env, expected] of cases) {
    test(`${input} with ${JSON.stringify(env)} -> ${JSON.stringify(expected)}`, () =>
      assert.equal(expand(input, env), expected));
  }
});

describe('pattern rules read from lex.go', () => {
  const cases: [string, string, Env, string | undefined][] = [
    // `*` and `?` are Go's `.`: every character but a newline.
    ['star stops at a newline', '${FOO##*}', { FOO: 'ab\ncd' }, '\ncd'],
    ['question mark skips no newline', '${FOO%%?d}', { FOO: 'ab\nd' }, 'ab\nd'],
    ['replace-all stops each match at a newline', '${FOO//*/r}', { FOO: 'ab\ncd' }, 'r\nr'],
    // An escape may only precede `*`, `?`, `\` (kept) or `}` and `/` (dropped).
    ['invalid escape fails', '${FOO#\\x}', { FOO: 'xy' }, undefined],
    ['invalid escape from a variable fails', '${FOO#$P}', { FOO: 'xy', P: 'a\\' }, undefined],
    ['escaped slash in a # pattern', '${FOO#\\/}', { FOO: '/etc' }, 'etc'],
    ['escaped backslash', '${FOO%\\\\}', { FOO: 'dir\\' }, 'dir'],
    // `##` is `#` whose expanded word starts with `#` again (the same for `%%`).
    ['## from a variable', '${FOO#$P}', { FOO: 'xxyy', P: '#*x' }, 'yy'],
    ['%% from a variable', '${FOO%$P}', { FOO: 'xxyy', P: '%y*' }, 'xx'],
    ['a quoted # still doubles', "${FOO#'#'x}", { FOO: 'xxyy' }, 'xyy'],
    // Quotes in the word are removed, they do not make wildcards literal.
    ['a quoted star is a wildcard', '${FOO#"*"x}', { FOO: 'xxyy' }, 'xyy'],
    // `%` reverses the pattern keeping `\x` pairs: a trailing lone `\` escapes what was before it.
    ['reversed pattern with a trailing backslash', '${FOO%$P}', { FOO: 'ab*', P: '*\\' }, 'ab'],
    // Shortest and longest.
    ['# shortest', '${FOO#*/}', { FOO: 'a/b/c' }, 'b/c'],
    ['## longest', '${FOO##*/}', { FOO: 'a/b/c' }, 'c'],
    ['% shortest', '${FOO%/*}', { FOO: 'a/b/c' }, 'a/b'],
    ['%% longest', '${FOO%%/*}', { FOO: 'a/b/c' }, 'a'],
    ['no match leaves the value', '${FOO%%.zip}', { FOO: 'a.tar' }, 'a.tar'],
    // `/` replaces the leftmost match, as long as the greedy stars make it.
    ['first match, greedy', '${FOO/.*/}', { FOO: 'a.b.c' }, 'a'],
    ['every match', '${FOO//.?/}', { FOO: 'a.b.c' }, 'a'],
    ['empty pattern replaces at the start', '${FOO/$E/-}', { FOO: 'ab', E: '' }, '-ab'],
    ['empty pattern, every position', '${FOO//$E/-}', { FOO: 'ab', E: '' }, '-a-b-'],
    // `//` reads the replacement as a Go template, `/` does not.
    ['$0 in a replace-all is the match', '${FOO//o/\\$0}', { FOO: 'foo' }, 'f\\o\\o'],
    ['$0 in a single replace stays', '${FOO/o/\\$0}', { FOO: 'foo' }, 'f\\$0o'],
    ['$$ from a variable in a replace-all', '${FOO//o/$R}', { FOO: 'foo', R: '$$' }, 'f$$'],
    ['$$ from a variable in a single replace', '${FOO/o/$R}', { FOO: 'foo', R: '$$' }, 'f$$o'],
    ['${0} in a replace-all', '${FOO//o/$R}', { FOO: 'foo', R: '${0}x' }, 'foxox'],
    ['other template names are empty', '${FOO//o/$R}', { FOO: 'foo', R: '[$1$name]' }, 'f[][]'],
    // Characters are code points.
    ['? takes one emoji', '${FOO#?}', { FOO: '😀x' }, 'x'],
    ['% ? takes one emoji', '${FOO%?}', { FOO: 'x😀' }, 'x'],
    ['replace an emoji', '${FOO//😀/é}', { FOO: 'a😀b😀' }, 'aébé'],
    ['Korean', '${FOO%%-*}', { FOO: '한글-버전' }, '한글'],
    // The pattern is read with the Dockerfile's escape character, then `\` escapes in it.
    ['backtick escape directive: \\* is still a literal star', '${FOO#\\*}', { FOO: '*ab' }, 'ab'],
    // Unknown values.
    ['unknown value', '${NOPE#a}', {}, undefined],
    ['unknown pattern', '${FOO#$NOPE}', { FOO: 'x' }, undefined],
    ['unknown replacement', '${FOO/x/$NOPE}', { FOO: 'x' }, undefined],
    // Other modifiers keep their meaning.
    ['default', '${NOPE:-a b}', {}, 'a b'],
    ['default with a quoted word', '${NOPE:-"a $FOO"}', { FOO: 'x' }, 'a x'],
    ['single quotes in a word are literal', "${NOPE:-'$FOO'}", { FOO: 'x' }, '$FOO'],
    ['unused word may be unknown', '${FOO:-$NOPE}', { FOO: 'x' }, 'x'],
    ['alternative', '${FOO:+[$FOO]}', { FOO: 'x' }, '[x]'],
    ['required and set', '${FOO:?missing}', { FOO: 'x' }, 'x'],
    ['required and empty', '${FOO:?missing}', { FOO: '' }, undefined],
    ['required, unused word fails too', '${FOO:-${NOPE?}}', { FOO: 'x' }, undefined],
    ['unsupported modifier', '${FOO=a}', { FOO: 'x' }, undefined],
    ['bad substitution', '${:-a}', {}, undefined],
  ];
  for (const [name, input, env, expected] of cases) {
    test(`${name}: ${input} -> ${JSON.stringify(expected)}`, () =>
      assert.equal(expand(input, env, name.startsWith('backtick') ? '`' : '\\'), expected));
  }
  test('shell patterns to parts, and rejected escapes', () => {
    assert.equal(shellPatternParts('*', true)?.length, 1);
    assert.equal(shellPatternParts('\\}\\/', true)?.length, 2);
    for (const invalid of ['\\', '\\x', '\\\\\\']) assert.equal(shellPatternParts(invalid, true), undefined, invalid);
  });
  test('reversing a pattern keeps escape pairs', () => {
    const cases: [string, string][] = [
      ['a\\*c', 'c\\*a'],
      ['\\\\\\ab', 'b\\a\\\\'],
      ['ab\\', '\\ba'],
      ['👽\\🚀🖖', '🖖\\🚀👽'],
      ['\\\\b', 'b\\\\'],
      ['', ''],
    ];
    for (const [pattern, reversed] of cases) assert.equal(reverseShellPattern(pattern), reversed, pattern);
  });
  test('replacement templates', () => {
    const cases: [string, string][] = [
      ['plain', 'plain'],
      ['$$', '$'],
      ['$0', 'M'],
      ['${0}', 'M'],
      ['$00', ''],
      ['$0x', ''],
      ['$1', ''],
      ['${1}', ''],
      ['${0', '${0'],
      ['$', '$'],
      ['$-', '$-'],
      ['a$', 'a$'],
      ['$이름', ''],
    ];
    for (const [template, expected] of cases)
      assert.equal(expandReplacementTemplate(template, 'M'), expected, template);
  });
});

describe('worst cases finish and give the right value', () => {
  // Past MAX_EXPANDED_LENGTH a value is unknown; these check the algorithms on longer values.
  const expandUncapped = (raw: string, env: Env): string | undefined =>
    expandValue(raw, (name) => env[name], '\\', Infinity);
  const a60 = 'a'.repeat(60);
  const a100k = 'a'.repeat(100_000);
  const starAs = `${'*a'.repeat(10)}*b`;
  const cases: [string, string, Env, string | undefined][] = [
    ['replace with ten stars on 60 a', `\${X/${starAs}/}`, { X: a60 }, a60],
    ['replace-all with ten stars on 60 a', `\${X//${starAs}/}`, { X: a60 }, a60],
    ['%% on 100k', '${X%%*b}', { X: a100k }, a100k],
    ['% on 100k', '${X%*b}', { X: a100k }, a100k],
    ['## on 100k', '${X##*b}', { X: a100k }, a100k],
    ['# on 100k', '${X#*b}', { X: a100k }, a100k],
    ['## ten stars on 100k', `\${X##${starAs}}`, { X: a100k }, a100k],
    ['%% ten stars on 100k', `\${X%%${starAs}}`, { X: a100k }, a100k],
    ['%% leading star, match at the start', '${X%%*a}', { X: a100k }, ''],
    ['% leading star, shortest', '${X%*a}', { X: a100k }, 'a'.repeat(99_999)],
    ['replace-all every character of 100k', '${X//a/bc}', { X: a100k }, 'bc'.repeat(100_000)],
    ['replace-all the empty pattern in 100k', '${X//$E/-}', { X: a100k, E: '' }, `-${'a-'.repeat(100_000)}`],
    // The empty match at the very end follows the last newline, not a match: replaced too.
    ['replace-all greedy star, 30k lines', '${X//*/r}', { X: 'ab\n'.repeat(30_000) }, `${'r\n'.repeat(30_000)}r`],
    ['replace-all a*b, 30k lines', '${X//a*b/r}', { X: 'abab\n'.repeat(30_000) }, 'r\n'.repeat(30_000)],
    ['replace-all never matching, 100k', `\${X//${starAs}/r}`, { X: a100k }, a100k],
  ];
  for (const [name, input, env, expected] of cases) {
    test(name, () => same(expandUncapped(input, env), expected));
  }
  test('nesting: 64 levels expand, 65 are unknown, 2,000 do not overflow', () => {
    const nested = (depth: number): string => `${'${a:-'.repeat(depth)}x${'}'.repeat(depth)}`;
    assert.equal(expandUncapped(nested(64), {}), 'x');
    assert.equal(expandUncapped(nested(65), {}), undefined);
    assert.equal(expandUncapped(`${'${a:-'.repeat(64)}$b${'}'.repeat(64)}`, { b: 'v' }), 'v');
    assert.equal(expandUncapped(`${'${a:-'.repeat(64)}\${b}${'}'.repeat(64)}`, { b: 'v' }), undefined);
    assert.equal(expandUncapped(nested(2_000), {}), undefined);
    assert.equal(expandUncapped(`${'"${a:-'.repeat(2_000)}x${'}"'.repeat(2_000)}`, {}), undefined);
    assert.equal(expandUncapped(`${'${a/'.repeat(2_000)}`, { a: 'v' }), undefined);
  });
  test('150,000 references in a default word', () => {
    const references = '$x'.repeat(150_000);
    same(expandUncapped(`\${a:-${references}}`, { x: 'v' }), 'v'.repeat(150_000));
    assert.equal(expandUncapped(`\${a:-${references}`, { x: 'v' }), undefined);
    assert.equal(expandUncapped(`\${a:-${references}}`, { a: 'set' }), 'set');
    same(expandUncapped(references, { x: 'v' }), 'v'.repeat(150_000));
    same(expandUncapped(`${'${x}'.repeat(100_000)}`, { x: 'v' }), 'v'.repeat(100_000));
    assert.equal(expandUncapped(`${'${x#'.repeat(50_000)}`, { x: 'v' }), undefined);
  });
  test('long quoted and escaped runs', () => {
    same(expandUncapped(`"${'\\"'.repeat(100_000)}"`, {}), '"'.repeat(100_000));
    same(expandUncapped(`'${'$'.repeat(100_000)}`, {}), '$'.repeat(100_000));
    same(expandUncapped('\\'.repeat(100_001), {}), '\\'.repeat(50_000));
  });
});
