// Reads the Go regular expressions that moby/patternmatcher builds from .dockerignore patterns
// (`^...$` made of `[^/]*`, `[^/]`, `(.*/)?`, `.*`, escaped `.+()|{}$`, and whatever `\x`
// escapes, `[...]` classes and `^` the pattern itself holds) with the grammar and the error
// messages of Go's regexp/syntax in Perl mode, and translates them to the parts of the
// linear-time matcher in ../match.
//
// What a pattern can smuggle in is read as Go reads it: classes with ranges and negation,
// `[:alpha:]`, `\d`, `\pL`; escapes such as `\.`, `\x41`, `\101`, `\n`, `\Q...\E`; `^`, `\A`
// and `\z` anywhere. Anchors are resolved here (whatever stands before a begin-of-text anchor
// must match the empty string, and so on), so the matcher only sees characters, repetitions
// and optional groups. Word boundaries (`\b`, `\B`) cannot be expressed that way and are
// reported as unsupported, like what patternmatcher never produces (alternation, counted or
// repeated groups, `(?` flags).
import {
  anyChar,
  anyCharExcept,
  charClass,
  type CharTest,
  literalChar,
  many,
  one,
  optional,
  type PatternPart,
} from '../match';

const MAX_RUNE = 0x10ffff;

/** A character set as sorted, merged, inclusive code point ranges [lo0, hi0, lo1, hi1, ...]. */
type Ranges = number[];

type Node =
  | { kind: 'char'; ranges: Ranges }
  | { kind: 'star'; ranges: Ranges }
  | { kind: 'optional'; nodes: Node[] }
  | { kind: 'group'; nodes: Node[] }
  | { kind: 'begin' }
  | { kind: 'end' }
  | { kind: 'wordBoundary'; text: string }
  | { kind: 'empty' };

export type GoRegexpTranslation =
  /**
   * `parts` match exactly what the expression matches. Cheap necessary conditions: every match
   * starts with `lead` and contains each of `runs` in order without overlap.
   */
  | { kind: 'parts'; parts: PatternPart[]; lead: string; runs: string[] }
  /** The expression is valid but matches no non-empty text (e.g. `^a^b$`). */
  | { kind: 'never' }
  /** Go's regexp.Compile rejects the expression; `message` is Go's error text. */
  | { kind: 'error'; message: string }
  /** Valid Go, but not expressible as matcher parts (word boundaries). */
  | { kind: 'unsupported'; what: string };

class GoSyntaxError extends Error {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

class Unsupported extends Error {}

const ERR_INVALID_CHAR_RANGE = 'invalid character class range';
const ERR_INVALID_ESCAPE = 'invalid escape sequence';
const ERR_INVALID_REPEAT_OP = 'invalid nested repetition operator';
const ERR_MISSING_BRACKET = 'missing closing ]';
const ERR_MISSING_PAREN = 'missing closing )';
const ERR_MISSING_REPEAT_ARGUMENT = 'missing argument to repetition operator';
const ERR_TRAILING_BACKSLASH = 'trailing backslash at end of expression';
const ERR_UNEXPECTED_PAREN = 'unexpected )';

/** Translates a Go regular expression (as regexp.Compile / MatchString use it). */
export function translateGoRegexp(source: string): GoRegexpTranslation {
  let nodes: Node[];
  try {
    nodes = parse(source);
  } catch (error) {
    if (error instanceof GoSyntaxError) return { kind: 'error', message: error.message };
    if (error instanceof Unsupported) return { kind: 'unsupported', what: error.message };
    throw error;
  }
  try {
    return resolveAnchors(nodes);
  } catch (error) {
    if (error instanceof Unsupported) return { kind: 'unsupported', what: error.message };
    throw error;
  }
}

// --- Parsing (regexp/syntax.Parse with the Perl flags) ----------------------------------------

function parse(s: string): Node[] {
  const frames: Node[][] = [[]];
  const top = (): Node[] => frames[frames.length - 1]!;
  /** Where the repetition operator just read started, or -1. */
  let lastRepeat = -1;
  let i = 0;
  while (i < s.length) {
    let repeat = -1;
    const c = s[i]!;
    switch (c) {
      case '(':
        if (s[i + 1] === '?') throw new Unsupported('a `(?` group');
        frames.push([]);
        i++;
        break;
      case '|':
        throw new Unsupported('an alternation `|`');
      case ')': {
        if (frames.length < 2) throw new GoSyntaxError(ERR_UNEXPECTED_PAREN, s);
        const nodes = frames.pop()!;
        top().push({ kind: 'group', nodes });
        i++;
        break;
      }
      case '^':
        top().push({ kind: 'begin' });
        i++;
        break;
      case '$':
        top().push({ kind: 'end' });
        i++;
        break;
      case '.':
        top().push({ kind: 'char', ranges: [0, 0x09, 0x0b, MAX_RUNE] });
        i++;
        break;
      case '[': {
        const { ranges, next } = parseClass(s, i);
        top().push({ kind: 'char', ranges });
        i = next;
        break;
      }
      case '*':
      case '+':
      case '?': {
        const before = i;
        i++;
        if (s[i] === '?') i++; // non-greedy: the same strings match
        if (lastRepeat >= 0) throw new GoSyntaxError(ERR_INVALID_REPEAT_OP, s.slice(lastRepeat, i));
        const nodes = top();
        if (nodes.length === 0) throw new GoSyntaxError(ERR_MISSING_REPEAT_ARGUMENT, s.slice(before, i));
        nodes.push(repeated(nodes.pop()!, c));
        repeat = before;
        break;
      }
      case '{':
        if (isCountedRepeat(s, i)) throw new Unsupported('a counted repetition `{n,m}`');
        top().push(literal(0x7b));
        i++;
        break;
      case '\\':
        i = parseBackslash(s, i, top());
        break;
      default: {
        const cp = s.codePointAt(i)!;
        top().push(literal(cp));
        i += cp > 0xffff ? 2 : 1;
      }
    }
    lastRepeat = repeat;
  }
  if (frames.length !== 1) throw new GoSyntaxError(ERR_MISSING_PAREN, s);
  return frames[0]!;
}

function literal(cp: number): Node {
  return { kind: 'char', ranges: [cp, cp] };
}

function repeated(node: Node, op: '*' | '+' | '?'): Node {
  switch (node.kind) {
    case 'char':
      if (op === '*') return { kind: 'star', ranges: node.ranges };
      if (op === '?') return { kind: 'optional', nodes: [node] };
      return { kind: 'group', nodes: [node, { kind: 'star', ranges: node.ranges }] };
    case 'group':
      if (op === '?') return { kind: 'optional', nodes: node.nodes };
      throw new Unsupported('a repeated group');
    case 'begin':
    case 'end':
    case 'wordBoundary':
    case 'empty':
      // Zero-width: any number of them is the same as none (`*`, `?`) or one (`+`).
      return op === '+' ? node : { kind: 'empty' };
    case 'star':
    case 'optional':
      // Unreachable: a repetition right after another is rejected as nested.
      throw new Unsupported('a repeated repetition');
  }
}

/** `{n}`, `{n,}` or `{n,m}` as Go's parseRepeat accepts it; anything else makes `{` a literal. */
function isCountedRepeat(s: string, i: number): boolean {
  return /^\{(?:0|[1-9][0-9]*)(?:,(?:0|[1-9][0-9]*)?)?\}/.test(s.slice(i, i + 40));
}

/** `\` outside a class: anchors, `\Q...\E`, classes, or one escaped character. */
function parseBackslash(s: string, i: number, nodes: Node[]): number {
  if (i + 1 < s.length) {
    switch (s[i + 1]) {
      case 'A':
        nodes.push({ kind: 'begin' });
        return i + 2;
      case 'z':
        nodes.push({ kind: 'end' });
        return i + 2;
      case 'b':
      case 'B':
        nodes.push({ kind: 'wordBoundary', text: s.slice(i, i + 2) });
        return i + 2;
      case 'C':
        throw new GoSyntaxError(ERR_INVALID_ESCAPE, '\\C');
      case 'Q': {
        const close = s.indexOf('\\E', i + 2);
        const text = close < 0 ? s.slice(i + 2) : s.slice(i + 2, close);
        for (const char of text) nodes.push(literal(char.codePointAt(0)!));
        return close < 0 ? s.length : close + 2;
      }
    }
    const unicode = parseUnicodeClass(s, i);
    if (unicode) {
      nodes.push({ kind: 'char', ranges: unicode.ranges });
      return unicode.next;
    }
    const perl = PERL_CLASSES[s.slice(i, i + 2)];
    if (perl) {
      nodes.push({ kind: 'char', ranges: perl });
      return i + 2;
    }
  }
  const { cp, next } = parseEscape(s, i);
  nodes.push(literal(cp));
  return next;
}

/** One escaped character starting at the `\` at `i` (regexp/syntax parseEscape). */
function parseEscape(s: string, i: number): { cp: number; next: number } {
  let t = i + 1;
  if (t >= s.length) throw new GoSyntaxError(ERR_TRAILING_BACKSLASH, '');
  const c = s.codePointAt(t)!;
  t += c > 0xffff ? 2 : 1;
  const invalid = (): never => {
    throw new GoSyntaxError(ERR_INVALID_ESCAPE, s.slice(i, t));
  };
  const isOctal = (at: number): boolean => at < s.length && s[at]! >= '0' && s[at]! <= '7';
  if (c < 0x80 && !isAsciiAlnum(c)) return { cp: c, next: t };
  if (c >= 0x30 && c <= 0x37) {
    // Up to three octal digits; a lone non-zero digit would be a back reference, which Go lacks.
    if (c !== 0x30 && !isOctal(t)) return invalid();
    let value = c - 0x30;
    for (let digits = 1; digits < 3 && isOctal(t); digits++) value = value * 8 + (s.charCodeAt(t++) - 0x30);
    return { cp: value, next: t };
  }
  switch (String.fromCodePoint(c)) {
    case 'x': {
      if (t >= s.length) return invalid();
      if (s[t] === '{') {
        t++;
        let value = 0;
        let digits = 0;
        for (;;) {
          if (t >= s.length) return invalid();
          const d = s.codePointAt(t)!;
          t += d > 0xffff ? 2 : 1;
          if (d === 0x7d) break;
          const v = hexValue(d);
          if (v < 0) return invalid();
          value = value * 16 + v;
          if (value > MAX_RUNE) return invalid();
          digits++;
        }
        if (digits === 0) return invalid();
        return { cp: value, next: t };
      }
      const high = hexValue(s.codePointAt(t)!);
      t += s.codePointAt(t)! > 0xffff ? 2 : 1;
      const lowCode = t < s.length ? s.codePointAt(t)! : -1;
      if (lowCode >= 0) t += lowCode > 0xffff ? 2 : 1;
      const low = lowCode < 0 ? -1 : hexValue(lowCode);
      if (high < 0 || low < 0) return invalid();
      return { cp: high * 16 + low, next: t };
    }
    case 'a':
      return { cp: 0x07, next: t };
    case 'f':
      return { cp: 0x0c, next: t };
    case 'n':
      return { cp: 0x0a, next: t };
    case 'r':
      return { cp: 0x0d, next: t };
    case 't':
      return { cp: 0x09, next: t };
    case 'v':
      return { cp: 0x0b, next: t };
  }
  return invalid();
}

/** A `[...]` class starting at `i` (regexp/syntax parseClass, Perl flags: `-` may stand anywhere,
 * a negated class also matches `\n`). */
function parseClass(s: string, i: number): { ranges: Ranges; next: number } {
  const whole = s.slice(i);
  let t = i + 1;
  let negated = false;
  if (s[t] === '^') {
    negated = true;
    t++;
  }
  let ranges: Ranges = [];
  let first = true; // `]` is a member when it comes first
  while (t >= s.length || s[t] !== ']' || first) {
    first = false;
    if (s.length - t > 2 && s[t] === '[' && s[t + 1] === ':') {
      const close = s.indexOf(':]', t + 2);
      if (close >= 0) {
        const name = s.slice(t, close + 2);
        const group = POSIX_CLASSES[name];
        if (!group) throw new GoSyntaxError(ERR_INVALID_CHAR_RANGE, name);
        ranges = ranges.concat(group);
        t = close + 2;
        continue;
      }
    }
    const unicode = parseUnicodeClass(s, t);
    if (unicode) {
      ranges = ranges.concat(unicode.ranges);
      t = unicode.next;
      continue;
    }
    const perl = s[t] === '\\' ? PERL_CLASSES[s.slice(t, t + 2)] : undefined;
    if (perl) {
      ranges = ranges.concat(perl);
      t += 2;
      continue;
    }
    const rangeStart = t;
    const lo = parseClassChar(s, t, whole);
    let hi = lo.cp;
    t = lo.next;
    // `[a-]` holds `a` and `-`.
    if (s.length - t >= 2 && s[t] === '-' && s[t + 1] !== ']') {
      const end = parseClassChar(s, t + 1, whole);
      hi = end.cp;
      t = end.next;
      if (hi < lo.cp) throw new GoSyntaxError(ERR_INVALID_CHAR_RANGE, s.slice(rangeStart, t));
    }
    ranges.push(lo.cp, hi);
  }
  const clean = cleanRanges(ranges);
  return { ranges: negated ? negate(clean) : clean, next: t + 1 };
}

function parseClassChar(s: string, t: number, whole: string): { cp: number; next: number } {
  if (t >= s.length) throw new GoSyntaxError(ERR_MISSING_BRACKET, whole);
  if (s[t] === '\\') return parseEscape(s, t);
  const cp = s.codePointAt(t)!;
  return { cp, next: t + (cp > 0xffff ? 2 : 1) };
}

/** `\pL`, `\p{Greek}`, `\P{^Lu}` at `i`, or undefined when `i` holds no `\p`/`\P`. */
function parseUnicodeClass(s: string, i: number): { ranges: Ranges; next: number } | undefined {
  if (s.length - i < 2 || s[i] !== '\\' || (s[i + 1] !== 'p' && s[i + 1] !== 'P')) return undefined;
  let positive = s[i + 1] === 'p';
  let name: string;
  let next: number;
  const cp = i + 2 < s.length ? s.codePointAt(i + 2)! : -1;
  if (cp !== 0x7b) {
    next = cp < 0 ? i + 2 : i + 2 + (cp > 0xffff ? 2 : 1);
    name = s.slice(i + 2, next);
  } else {
    const close = s.indexOf('}', i);
    if (close < 0) throw new GoSyntaxError(ERR_INVALID_CHAR_RANGE, s.slice(i));
    name = s.slice(i + 3, close);
    next = close + 1;
  }
  if (name.startsWith('^')) {
    positive = !positive;
    name = name.slice(1);
  }
  const table = unicodeTable(name);
  if (!table) throw new GoSyntaxError(ERR_INVALID_CHAR_RANGE, s.slice(i, next));
  return { ranges: positive ? table : negate(table), next };
}

// --- Character sets ----------------------------------------------------------------------------

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** Sorted, with overlapping and touching ranges merged. */
function cleanRanges(ranges: Ranges): Ranges {
  const pairs: [number, number][] = [];
  for (let k = 0; k < ranges.length; k += 2) pairs.push([ranges[k]!, ranges[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Ranges = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

/** The complement within 0..U+10FFFF of clean ranges. */
function negate(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    if (next <= ranges[k]! - 1) out.push(next, ranges[k]! - 1);
    next = ranges[k + 1]! + 1;
  }
  if (next <= MAX_RUNE) out.push(next, MAX_RUNE);
  return out;
}

const DIGIT: Ranges = [0x30, 0x39];
const SPACE_PERL: Ranges = [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20];
const WORD: Ranges = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];

/** `\d \s \w` (ASCII only in Go) and their negations. */
const PERL_CLASSES: Readonly<Record<string, Ranges>> = {
  '\\d': DIGIT,
  '\\D': negate(DIGIT),
  '\\s': SPACE_PERL,
  '\\S': negate(SPACE_PERL),
  '\\w': WORD,
  '\\W': negate(WORD),
};

/** `[:alpha:]` and friends (ASCII), with `[:^alpha:]` negations. */
const POSIX_CLASSES: Readonly<Record<string, Ranges>> = (() => {
  const groups: Record<string, Ranges> = {
    alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
    alpha: [0x41, 0x5a, 0x61, 0x7a],
    ascii: [0x00, 0x7f],
    blank: [0x09, 0x09, 0x20, 0x20],
    cntrl: [0x00, 0x1f, 0x7f, 0x7f],
    digit: DIGIT,
    graph: [0x21, 0x7e],
    lower: [0x61, 0x7a],
    print: [0x20, 0x7e],
    punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
    space: [0x09, 0x0d, 0x20, 0x20],
    upper: [0x41, 0x5a],
    word: WORD,
    xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
  };
  const table: Record<string, Ranges> = {};
  for (const [name, ranges] of Object.entries(groups)) {
    table[`[:${name}:]`] = ranges;
    table[`[:^${name}:]`] = negate(ranges);
  }
  return table;
})();

/** Go's unicode.Categories names (Go's `C` leaves out unassigned code points). */
const GO_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);
const unicodeTables = new Map<string, Ranges | undefined>();

/**
 * The code points of a `\p` group: `Any` or a general category, computed once per name from
 * JavaScript's Unicode tables (which may be a Unicode version apart from the Go that built
 * BuildKit). Script names such as `\p{Greek}` need braces, and patternmatcher escapes every
 * `{`, so from a .dockerignore only the one-letter categories (`\pL`, `\pN`, ...) arrive.
 */
function unicodeTable(name: string): Ranges | undefined {
  if (unicodeTables.has(name)) return unicodeTables.get(name);
  let table: Ranges | undefined;
  if (name === 'Any') table = [0, MAX_RUNE];
  else if (name === 'C') table = scan('[\\p{gc=Cc}\\p{gc=Cf}\\p{gc=Co}\\p{gc=Cs}]');
  else if (GO_CATEGORIES.has(name)) table = scan(`\\p{gc=${name}}`);
  unicodeTables.set(name, table);
  return table;
}

/** The ranges of code points a one-character property test accepts. */
function scan(property: string): Ranges {
  const test = new RegExp(`^${property}$`, 'u');
  const out: Ranges = [];
  let start = -1;
  for (let cp = 0; cp <= MAX_RUNE + 1; cp++) {
    const inside = cp <= MAX_RUNE && test.test(String.fromCodePoint(cp));
    if (inside && start < 0) start = cp;
    else if (!inside && start >= 0) {
      out.push(start, cp - 1);
      start = -1;
    }
  }
  return out;
}

// --- Anchors and translation --------------------------------------------------------------------

/**
 * Resolves `^`/`\A` and `$`/`\z` in the top-level sequence (the only place a .dockerignore
 * expression can hold them): whatever precedes the last begin anchor and whatever follows the
 * first end anchor must match the empty string. Without an end anchor (`\Q` can swallow the
 * final `$`) any text may follow.
 */
function resolveAnchors(nodes: Node[]): GoRegexpTranslation {
  const flat = flatten(nodes);
  let lastBegin = -1;
  let firstEnd = -1;
  flat.forEach((node, index) => {
    if (node.kind === 'begin') lastBegin = index;
    if (node.kind === 'end' && firstEnd < 0) firstEnd = index;
  });
  for (const node of flat)
    if (node.kind === 'wordBoundary') throw new Unsupported(`the word boundary \`${node.text}\``);
  const emptyOnly = (list: Node[]): boolean => list.every((node) => node.kind !== 'char');
  // An end anchor before a begin anchor: at best the empty text matches, and no path is empty.
  if (firstEnd >= 0 && firstEnd < lastBegin) return { kind: 'never' };
  const head = lastBegin < 0 ? [] : flat.slice(0, lastBegin);
  const tail = firstEnd < 0 ? [] : flat.slice(firstEnd + 1);
  if (!emptyOnly(head) || !emptyOnly(tail)) return { kind: 'never' };
  const body = flat.slice(lastBegin + 1, firstEnd < 0 ? flat.length : firstEnd);
  // An unanchored start is never built by patternmatcher (every expression starts with `^`), but
  // keep the translation honest.
  const parts: PatternPart[] = [];
  if (lastBegin < 0) parts.push(many(anyChar));
  for (const node of body) {
    if (node.kind === 'begin' || node.kind === 'end') continue;
    parts.push(...toParts(node));
  }
  if (firstEnd < 0) parts.push(many(anyChar));
  const runs = literalRuns(body);
  const lead = lastBegin >= 0 && body[0] !== undefined && isLiteral(body[0]) ? runs[0]! : '';
  return { kind: 'parts', parts, lead, runs };
}

/** Unquantified groups are plain concatenation; empties go. */
function flatten(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    if (node.kind === 'group') out.push(...flatten(node.nodes));
    else if (node.kind !== 'empty') out.push(node);
  }
  return out;
}

function toParts(node: Node): PatternPart[] {
  switch (node.kind) {
    case 'char':
      return [one(toTest(node.ranges))];
    case 'star':
      return [many(toTest(node.ranges))];
    case 'optional': {
      const inner = flatten(node.nodes);
      if (inner.some((n) => n.kind === 'begin' || n.kind === 'end' || n.kind === 'wordBoundary'))
        throw new Unsupported('an anchor inside a group');
      return [optional(inner.flatMap(toParts))];
    }
    case 'group':
      return flatten(node.nodes).flatMap(toParts);
    case 'begin':
    case 'end':
    case 'wordBoundary':
    case 'empty':
      return [];
  }
}

function toTest(ranges: Ranges): CharTest {
  if (ranges.length === 2 && ranges[0] === ranges[1]) return literalChar(String.fromCodePoint(ranges[0]!));
  if (ranges.length === 2 && ranges[0] === 0 && ranges[1] === MAX_RUNE) return anyChar;
  if (ranges.length === 4 && ranges[0] === 0 && ranges[3] === MAX_RUNE && ranges[1]! + 2 === ranges[2])
    return anyCharExcept(String.fromCodePoint(ranges[1]! + 1));
  const list = [];
  for (let k = 0; k < ranges.length; k += 2)
    list.push({ from: String.fromCodePoint(ranges[k]!), to: String.fromCodePoint(ranges[k + 1]!) });
  return charClass(list);
}

function isLiteral(node: Node): node is { kind: 'char'; ranges: Ranges } {
  return node.kind === 'char' && node.ranges.length === 2 && node.ranges[0] === node.ranges[1];
}

/** The runs of single literal characters in the top-level sequence, in order. */
function literalRuns(nodes: Node[]): string[] {
  const runs: string[] = [];
  let run = '';
  for (const node of nodes) {
    if (isLiteral(node)) run += String.fromCodePoint(node.ranges[0]!);
    else if (run !== '') {
      runs.push(run);
      run = '';
    }
  }
  if (run !== '') runs.push(run);
  return runs;
}
