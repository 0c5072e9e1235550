// The pattern operations of `${VAR#pattern}`, `##`, `%`, `%%`, `${VAR/pattern/replacement}` and
// `//`, as BuildKit's shell lexer (frontend/dockerfile/shell/lex.go) performs them, on the
// linear-time matcher in ../match.
//
// BuildKit turns the pattern into a Go regular expression: `*` is `.*` (`.*?` for the shortest
// forms `#` and `%`), `?` is `.`, where `.` is any character but a newline; `\` makes the next
// `*`, `?` or `\` literal and is dropped before `}` or `/`; any other escaped character makes
// the pattern invalid (the build fails). There are no bracket expressions. `#` and `##` take the
// match anchored at the start that Go's regexp picks; `%` and `%%` reverse the pattern (keeping
// each `\x` pair together) and the value, then do the same; `/` replaces the leftmost match and
// `//` every match as Go's ReplaceAllString does, which reads `$` in the replacement as a
// template (`$$` is `$`, `$0` and `${0}` the matched text, other names are empty).

import {
  anyCharExcept,
  compilePattern,
  literalChar,
  many,
  one,
  type PatternPart,
  replaceAll,
  replaceFirst,
  type Span,
} from '../match';
import { compileReplacementTemplate } from './replacementTemplate';

const notNewline = anyCharExcept('\n');

/** The parts for a shell pattern, or undefined when BuildKit rejects it (an invalid escape). */
export function shellPatternParts(pattern: string, longest: boolean): PatternPart[] | undefined {
  const chars = [...pattern];
  const parts: PatternPart[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') parts.push(many(notNewline, !longest));
    else if (ch === '?') parts.push(one(notNewline));
    else if (ch === '\\') {
      const next = chars[i + 1];
      if (next === '}' || next === '/') continue;
      if (next !== '*' && next !== '?' && next !== '\\') return undefined;
      parts.push(one(literalChar(next)));
      i++;
    } else parts.push(one(literalChar(ch)));
  }
  return parts;
}

/** BuildKit's reversePattern: the characters in reverse order, each `\x` pair kept as `\x`. */
export function reverseShellPattern(pattern: string): string {
  const chars = [...pattern];
  const out: string[] = new Array<string>(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last; ) {
    if (chars[i] === '\\' && i !== last) {
      out[last - i - 1] = '\\';
      out[last - i] = chars[i + 1]!;
      i += 2;
    } else {
      out[last - i] = chars[i]!;
      i++;
    }
  }
  return out.join('');
}

/** `${VAR#pattern}` (shortest) and `${VAR##pattern}` (longest); undefined for an invalid pattern. */
export function removePrefix(value: string, pattern: string, longest: boolean): string | undefined {
  const parts = shellPatternParts(pattern, longest);
  if (parts === undefined) return undefined;
  const end = compilePattern(parts).matchPrefix(value);
  return end === undefined ? value : value.slice(end);
}

/** `${VAR%pattern}` (shortest) and `${VAR%%pattern}` (longest); undefined for an invalid pattern. */
export function removeSuffix(value: string, pattern: string, longest: boolean): string | undefined {
  // BuildKit matches the reversed pattern against the reversed value from its start; the
  // matcher runs the reverse of `parts` backwards from the end, which is the same search.
  const reversedParts = shellPatternParts(reverseShellPattern(pattern), longest);
  if (reversedParts === undefined) return undefined;
  const start = compilePattern(reversedParts.reverse()).matchSuffix(value);
  return start === undefined ? value : value.slice(0, start);
}

/** Thrown out of a replacement callback when the result would pass `maxLength`. */
class TooLong extends Error {}

/**
 * `${VAR/pattern/replacement}` and `${VAR//pattern/replacement}`; undefined for an invalid
 * pattern, and when the result would be longer than `maxLength` (every character of a value
 * replaced by a long replacement multiplies its length): the search stops there.
 */
export function replacePattern(
  value: string,
  pattern: string,
  replacement: string,
  all: boolean,
  maxLength = Infinity,
): string | undefined {
  const parts = shellPatternParts(pattern, true);
  if (parts === undefined) return undefined;
  const compiled = compilePattern(parts);
  // The result's length, kept exact as matches are replaced: checked before each replacement is made.
  let length = value.length;
  const budget = (match: Span, replacementLength: number): void => {
    length += replacementLength - (match.end - match.start);
    if (length > maxLength) throw new TooLong();
  };
  try {
    if (!all) {
      return replaceFirst(compiled, value, (match) => {
        budget(match, replacement.length);
        return replacement;
      });
    }
    const template = replacement.includes('$') ? compileReplacementTemplate(replacement) : undefined;
    return replaceAll(compiled, value, (match) => {
      if (!template) {
        budget(match, replacement.length);
        return replacement;
      }
      budget(match, template.lengthFor(match.end - match.start));
      return template.apply(value.slice(match.start, match.end));
    });
  } catch (error) {
    if (error instanceof TooLong) return undefined;
    throw error;
  }
}
