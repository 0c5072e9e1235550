// Replacing matches, with the rules of Go's regexp ReplaceAll for empty matches.

import type { Span } from './simulate';
import type { WildcardPattern } from './wildcardPattern';

/** What replaces one match; gets the match's span in the original text. */
export type Replacement = (match: Span) => string;

/** Replaces the first match (`find` from 0), if there is one. */
export function replaceFirst(pattern: WildcardPattern, text: string, replacement: Replacement): string {
  const match = pattern.find(text);
  return match === undefined ? text : text.slice(0, match.start) + replacement(match) + text.slice(match.end);
}

/**
 * Replaces every match from left to right as Go's Regexp.ReplaceAllString walks them: after a
 * match, the search resumes at its end, always advancing at least one character, and an empty
 * match right after the previous match is not replaced. At most 2 x (length + 1) searches;
 * each resumes where the previous match ended.
 */
export function replaceAll(pattern: WildcardPattern, text: string, replacement: Replacement): string {
  const pieces: string[] = [];
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= text.length) {
    const match = pattern.find(text, searchPos);
    if (match === undefined) break;
    pieces.push(text.slice(lastMatchEnd, match.start));
    if (match.end > lastMatchEnd || match.start === 0) pieces.push(replacement(match));
    lastMatchEnd = match.end;
    const width = searchPos < text.length ? (text.codePointAt(searchPos)! > 0xffff ? 2 : 1) : 0;
    if (searchPos + width > match.end) searchPos += width;
    else if (searchPos + 1 > match.end) searchPos++;
    else searchPos = match.end;
  }
  pieces.push(text.slice(lastMatchEnd));
  return pieces.join('');
}
