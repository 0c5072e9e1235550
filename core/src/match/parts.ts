// The building blocks of a wildcard pattern: character tests and the parts made from them.

/** A code point range, both ends included, each given as a one-character string. */
export interface CharRange {
  readonly from: string;
  readonly to: string;
}

/** What one character of the text must be. */
export type CharTest =
  | { readonly kind: 'literal'; readonly char: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'anyExcept'; readonly char: string }
  | { readonly kind: 'class'; readonly ranges: readonly CharRange[]; readonly negated: boolean };

/**
 * One piece of a pattern. `lazy` only changes which match `find`, `matchPrefix` and
 * `matchSuffix` choose (fewest repetitions first, like `*?` in Go or Perl); whole-string
 * matching and the prefix/suffix sets ignore it.
 */
export type PatternPart =
  /** Exactly one character passing the test. */
  | { readonly kind: 'one'; readonly test: CharTest }
  /** Zero or more characters, each passing the test. */
  | { readonly kind: 'many'; readonly test: CharTest; readonly lazy?: boolean }
  /** Zero or one occurrence of a sub-sequence, like `(...)?`. */
  | { readonly kind: 'optional'; readonly parts: readonly PatternPart[]; readonly lazy?: boolean };

export const anyChar: CharTest = { kind: 'any' };

export function literalChar(char: string): CharTest {
  return { kind: 'literal', char: singleChar(char) };
}

export function anyCharExcept(char: string): CharTest {
  return { kind: 'anyExcept', char: singleChar(char) };
}

/** A character class: `ranges` such as [{ from: 'a', to: 'z' }]; `negated` for `[^...]`. */
export function charClass(ranges: readonly CharRange[], negated = false): CharTest {
  for (const range of ranges) {
    singleChar(range.from);
    singleChar(range.to);
  }
  return { kind: 'class', ranges, negated };
}

export function one(test: CharTest): PatternPart {
  return { kind: 'one', test };
}

export function many(test: CharTest, lazy = false): PatternPart {
  return { kind: 'many', test, lazy };
}

export function optional(parts: readonly PatternPart[], lazy = false): PatternPart {
  return { kind: 'optional', parts, lazy };
}

/** One `literal` part per character (code point) of `text`. */
export function literalParts(text: string): PatternPart[] {
  const parts: PatternPart[] = [];
  for (const char of text) parts.push(one({ kind: 'literal', char }));
  return parts;
}

/** Checks that `char` is exactly one code point and returns it. */
function singleChar(char: string): string {
  const cp = char.codePointAt(0);
  if (cp === undefined || char.length !== (cp > 0xffff ? 2 : 1))
    throw new RangeError(`expected one character, got ${JSON.stringify(char)}`);
  return char;
}
