/**
 * Linear-time wildcard matching (no backtracking, no regular expressions on user text).
 *
 * A pattern is a sequence of parts (see ./parts):
 *   - `one(test)`            exactly one character passing `test`
 *   - `many(test, lazy?)`    zero or more characters, each passing `test` (like `x*`, `x*?`)
 *   - `optional(parts, lazy?)` zero or one occurrence of a sub-sequence (like `(...)?`)
 * where a character test is `literalChar('a')`, `anyChar`, `anyCharExcept('/')` or
 * `charClass([{ from: 'a', to: 'z' }], negated?)`. `literalParts('abc')` spells a literal
 * string. Characters are Unicode code points (a surrogate pair is one character); every
 * position given or returned is a UTF-16 offset into the JavaScript string.
 *
 * `compilePattern(parts)` (or `new WildcardPattern(parts)`) builds a Thompson NFA once;
 * each question below is one pass over the text that keeps an ordered set of NFA states,
 * so it costs O(text length x pattern length) whatever the input:
 *   - `matches(text)`            the whole text matches
 *   - `prefixEnds(text, from?)`  every end e (ascending) with text.slice(from, e) matching
 *   - `suffixStarts(text, end?)` every start s (ascending) with text.slice(s, end) matching
 *                                (the reversed pattern run over the text from its end)
 *   - `find(text, from?)`        the first match at or after `from` as Go's regexp (and any
 *                                backtracking engine) picks it: leftmost start, then earlier
 *                                parts first, greedy parts as long and lazy ones as short as
 *                                the rest allows; { start, end } or undefined
 *   - `matchPrefix(text, from?)` the same choice anchored at `from` (a `^` regexp): the end
 *   - `matchSuffix(text, end?)`  the same choice for the reversed pattern over the reversed
 *                                text, anchored at `end`: the start
 * `replaceFirst` / `replaceAll(pattern, text, match => replacement)` follow Go's
 * Regexp.ReplaceAll rules for empty matches.
 *
 * Only the parts given are compiled: callers translate their own syntax (shell patterns,
 * .dockerignore globs, ...) to parts, including what counts as an escape.
 */
export {
  anyChar,
  anyCharExcept,
  charClass,
  literalChar,
  literalParts,
  many,
  one,
  optional,
  type CharRange,
  type CharTest,
  type PatternPart,
} from './parts';
export { compilePattern, WildcardPattern, type Span } from './wildcardPattern';
export { replaceAll, replaceFirst } from './replace';
