// Go's path/filepath.Match (Linux: `/` separates, `\` escapes), as BuildKit uses it to resolve
// COPY/ADD source wildcards, on the linear-time engine in ../match.
//
// Go's algorithm is not a regular-expression match, and its answers are what Docker does, so it
// is followed step by step. Stars split the pattern into chunks: each chunk is a fixed run of
// single-character items (a literal, `?` for any character but `/`, `[...]` a class, `\x` the
// character x), and a chunk after one or more stars may start anywhere up to the next `/`. Go
// places each chunk at the first start where it matches and never goes back to move it; only the
// last chunk is tried at every start until one ends exactly at the end of the name. A trailing
// star takes the rest of the name when it holds no `/`. So `*a[a/]*b` does not match `aa/b`
// (the first chunk takes `aa`, and the star before `b` cannot cross the `/`), although the
// regular expression `[^/]*a[a/][^/]*b` would. Classes match `/` like any character.
//
// Each chunk, with the star before it as a lazy `[^/]*`, is one engine pattern: its first match
// is Go's choice, found in one pass. A malformed pattern (Go's ErrBadPattern: an unclosed or
// empty `[...]`, an unescaped `-` or `]` inside one, a range without an end, a trailing `\`)
// matches nothing, as filepath.Match then returns false with an error.
//
// One difference remains: Go runs on UTF-8 bytes, and a chunk after a star that starts with `?`
// or a class may start inside a multi-byte character, whose leftover bytes then count as one
// character each (`*??` matches `€`). Here characters are code points throughout.
import {
  anyCharExcept,
  charClass,
  type CharRange,
  literalChar,
  many,
  one,
  type PatternPart,
  WildcardPattern,
} from '../match';
import { goGlobChunkEnd } from './goText';

interface Chunk {
  /** One or more stars come before the chunk. */
  star: boolean;
  /** The chunk's items, one character each; empty only for stars at the end of the pattern. */
  items: PatternPart[];
  /** The star (lazy, so its first match is Go's leftmost start) and the items: built on first use. */
  placed: WildcardPattern | undefined;
  /** The items alone. */
  anchored: WildcardPattern | undefined;
}

export class GoFilepathPattern {
  private constructor(private readonly chunks: readonly Chunk[]) {}

  /** The pattern compiled; undefined when Go reports it malformed (it then matches nothing). */
  static compile(pattern: string): GoFilepathPattern | undefined {
    const chunks = scanChunks(pattern);
    return chunks && new GoFilepathPattern(chunks);
  }

  /** filepath.Match(pattern, name). */
  matches(name: string): boolean {
    return this.firstPrefixEnd(name, [name.length]) !== undefined;
  }

  /** Whether filepath.Match(pattern, name.slice(0, end)) holds for one of `ends` (ascending). */
  matchesPrefix(name: string, ends: readonly number[]): boolean {
    return this.firstPrefixEnd(name, ends) !== undefined;
  }

  /**
   * The first of `ends` (ascending) for which filepath.Match(pattern, name.slice(0, end)) holds.
   * Go's placement of every chunk but the last is the same for each prefix that still holds
   * it (a chunk has a fixed length, so a later start ends later), so they are placed once; the
   * last chunk can only start its length before each end, within reach of its star.
   */
  firstPrefixEnd(name: string, ends: readonly number[]): number | undefined {
    const { chunks } = this;
    if (chunks.length === 0) return ends.includes(0) ? 0 : undefined;
    let at = 0;
    for (let i = 0; i < chunks.length - 1; i++) {
      const chunk = chunks[i]!;
      const end = chunk.star ? placedOf(chunk).matchPrefix(name, at) : anchoredOf(chunk).matchPrefix(name, at);
      if (end === undefined) return undefined;
      at = end;
    }
    const last = chunks[chunks.length - 1]!;
    // A star may end anywhere before the next `/`.
    const slash = name.indexOf('/', at);
    const limit = slash < 0 ? name.length : slash;
    if (last.items.length === 0) return ends.find((end) => end >= at && end <= limit);
    // The last chunk must end where the prefix does: it can only start one chunk length before.
    for (const end of ends) {
      // Fewer code units than items: fewer characters too.
      if (end - at < last.items.length) continue;
      const start = back(name, end, last.items.length);
      if (start < at) continue;
      if (start > (last.star ? limit : at)) break;
      if (anchoredOf(last).matchPrefix(name, start) === end) return end;
    }
    return undefined;
  }
}

function placedOf(chunk: Chunk): WildcardPattern {
  chunk.placed ??= new WildcardPattern([many(anyCharExcept('/'), true), ...chunk.items]);
  return chunk.placed;
}

function anchoredOf(chunk: Chunk): WildcardPattern {
  chunk.anchored ??= new WildcardPattern(chunk.items);
  return chunk.anchored;
}

/** The position `count` characters (code points) before `end`; -1 when the text is shorter. */
function back(text: string, end: number, count: number): number {
  let at = end;
  for (let i = 0; i < count; i++) {
    if (at <= 0) return -1;
    const low = text.charCodeAt(at - 1);
    at -=
      low >= 0xdc00 &&
      low <= 0xdfff &&
      at >= 2 &&
      text.charCodeAt(at - 2) >= 0xd800 &&
      text.charCodeAt(at - 2) <= 0xdbff
        ? 2
        : 1;
  }
  return at;
}

/** Go's scanChunk over the whole pattern, each chunk read as matchChunk reads it; undefined for ErrBadPattern. */
function scanChunks(pattern: string): Chunk[] | undefined {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < pattern.length) {
    let star = false;
    while (pattern[i] === '*') {
      star = true;
      i++;
    }
    // The chunk runs to the next star outside `[...]` (`\` hides the character after it).
    const end = goGlobChunkEnd(pattern, i);
    const items = chunkItems(pattern.slice(i, end));
    if (!items) return undefined;
    chunks.push({ star, items, placed: undefined, anchored: undefined });
    i = end;
  }
  return chunks;
}

/** matchChunk's reading of one chunk: one item per character it takes; undefined when malformed. */
function chunkItems(chunk: string): PatternPart[] | undefined {
  const items: PatternPart[] = [];
  let k = 0;
  while (k < chunk.length) {
    const c = chunk[k]!;
    if (c === '[') {
      k++;
      if (k >= chunk.length) return undefined;
      const negated = chunk[k] === '^';
      if (negated) k++;
      const ranges: CharRange[] = [];
      for (;;) {
        if (chunk[k] === ']' && ranges.length > 0) {
          k++;
          break;
        }
        const lo = classMember(chunk, k);
        if (!lo) return undefined;
        k = lo.next;
        let to = lo.char;
        if (chunk[k] === '-') {
          const hi = classMember(chunk, k + 1);
          if (!hi) return undefined;
          k = hi.next;
          to = hi.char;
        }
        // A range whose end comes before its start is valid and takes nothing.
        ranges.push({ from: lo.char, to });
      }
      items.push(one(charClass(ranges, negated)));
    } else if (c === '?') {
      items.push(one(anyCharExcept('/')));
      k++;
    } else {
      if (c === '\\') {
        k++;
        if (k >= chunk.length) return undefined;
      }
      const char = String.fromCodePoint(chunk.codePointAt(k)!);
      items.push(one(literalChar(char)));
      k += char.length;
    }
  }
  return items;
}

/** Go's getEsc: a class member, possibly escaped, which something must follow. */
function classMember(chunk: string, at: number): { char: string; next: number } | undefined {
  if (at >= chunk.length || chunk[at] === '-' || chunk[at] === ']') return undefined;
  if (chunk[at] === '\\') {
    at++;
    if (at >= chunk.length) return undefined;
  }
  const char = String.fromCodePoint(chunk.codePointAt(at)!);
  const next = at + char.length;
  return next >= chunk.length ? undefined : { char, next };
}
