// One .dockerignore pattern compiled as moby/patternmatcher compiles it (New, Pattern.compile)
// and matched in linear time.
//
// patternmatcher trims the pattern, cleans it as a path, takes a leading `!` as an exception
// (a lone `!` is an error), and rejects what Go's filepath.Match calls a syntax error (an
// unclosed `[`, an empty `[]`, a range without an end, a trailing `\`). It then sorts the pattern
// into one of four kinds, tested on a slash path:
//   exact   no wildcard at all                    path == pattern
//   prefix  only a trailing `**` (`a/**`, `a**`)  path starts with the part before `**`
//   suffix  a leading `**` (`**/a`, `**a`)        path ends with the part after `**`
//                                                 (`**/a` also matches `a` itself)
//   regexp  anything else                         a Go regular expression, built by rewriting
//           `*` as `[^/]*`, `?` as `[^/]`, `**` as `(.*/)?` (`.*` at the end; a `/` after `**`
//           is eaten), escaping `.+()|{}$`, and passing `\x`, `[`, `]` and `^` through, so
//           classes, escapes and anchors mean what Go's regexp says (`[!a]` is the class of `!`
//           and `a`; `\d` is a digit).
// A leading `**` makes a suffix pattern only when nothing after it makes a regexp: `**/a.b` and
// `**foo` are plain "ends with" tests (so `**foo` matches `barfoo`), `**/*.go` and `**foo*` are
// expressions (`^(.*/)?foo[^/]*$` does not match `barfoo`).
// The expression is compiled lazily by patternmatcher: a Go compile error surfaces when a path
// is first tested against the pattern, and fails the build then.
import { type PatternPart, WildcardPattern } from '../match';
import { translateGoRegexp } from './goRegexp';
import { goCleanPath, goGlobChunkEnd, goTrimSpace } from './goText';

export type IgnorePatternKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

/** Why filepath.Match rejects a pattern. */
export type GlobSyntaxReason =
  | 'unclosed-class'
  | 'empty-class'
  | 'range-without-end'
  | 'unescaped-dash'
  | 'trailing-backslash';

export type PatternProblem =
  /** A `!` with nothing after it: patternmatcher.New fails. */
  | { kind: 'empty-exception' }
  /** filepath.Match reports a syntax error: patternmatcher.New fails. */
  | { kind: 'syntax'; reason: GlobSyntaxReason }
  /** Go's regexp package rejects the expression built from the pattern. */
  | { kind: 'regexp'; expression: string; goError: string }
  /** Valid for Go, but beyond what the linear matcher expresses (word boundaries). */
  | { kind: 'unsupported'; expression: string; what: string };

/** Which of a path's `/`-prefixes a pattern matches: null for none, else 1 at each matching level. */
export type LevelMatches = Uint8Array | null;

export class CompiledPattern {
  /** Built on first use: most patterns of a long file never get past the literal tests. */
  private matcher: WildcardPattern | undefined;
  private readonly parts: readonly PatternPart[] | undefined;
  /** Cheap necessary conditions before the automaton runs: the start of every match, and
   * strings every match contains in this order. */
  private readonly lead: string;
  private readonly runs: readonly string[];
  private readonly never: boolean;

  constructor(
    /** The pattern as patternmatcher keeps it: trimmed, cleaned, without its `!`. */
    readonly text: string,
    readonly exclusion: boolean,
    readonly kind: IgnorePatternKind,
    /** The Go regular expression, for `regexp` patterns. */
    readonly expression: string | undefined,
    /** Set when the build fails on this pattern (or Layerwise cannot evaluate it): it never matches here. */
    readonly problem: PatternProblem | undefined,
    translation?: { parts: readonly PatternPart[]; lead: string; runs: readonly string[] } | 'never',
  ) {
    this.never = translation === 'never' || problem !== undefined;
    this.parts = typeof translation === 'object' ? translation.parts : undefined;
    this.lead = typeof translation === 'object' ? translation.lead : '';
    this.runs = typeof translation === 'object' ? translation.runs : [];
  }

  /** Strings every path this pattern matches (the path itself or through a parent) contains. */
  required(): string[] {
    switch (this.kind) {
      case 'exact':
        return [this.text];
      case 'prefix':
        return [this.text.slice(0, -2)];
      case 'suffix': {
        const suffix = this.text.slice(2);
        return [suffix.startsWith('/') ? suffix.slice(1) : suffix];
      }
      case 'regexp':
        return [this.lead, ...this.runs];
    }
  }

  /**
   * For a clean relative path and the ends of its `/`-prefixes (every `/` position, then the
   * path's length), which of those prefixes the pattern matches. At most one pass of the
   * automaton over the path.
   */
  matchLevels(path: string, ends: readonly number[]): LevelMatches {
    if (this.never) return null;
    const text = this.text;
    switch (this.kind) {
      case 'exact': {
        if (!path.startsWith(text)) return null;
        const level = ends.indexOf(text.length);
        if (level < 0) return null;
        const levels = new Uint8Array(ends.length);
        levels[level] = 1;
        return levels;
      }
      case 'prefix': {
        const prefix = text.slice(0, -2);
        if (!path.startsWith(prefix)) return null;
        let levels: Uint8Array | null = null;
        for (let k = 0; k < ends.length; k++) {
          if (ends[k]! < prefix.length) continue;
          levels ??= new Uint8Array(ends.length);
          levels[k] = 1;
        }
        return levels;
      }
      case 'suffix': {
        const suffix = text.slice(2);
        const bare = suffix.startsWith('/') ? suffix.slice(1) : undefined;
        let levels: Uint8Array | null = null;
        for (let k = 0; k < ends.length; k++) {
          const end = ends[k]!;
          if (!path.endsWith(suffix, end) && !(bare !== undefined && end === bare.length && path.startsWith(bare)))
            continue;
          levels ??= new Uint8Array(ends.length);
          levels[k] = 1;
        }
        return levels;
      }
      case 'regexp': {
        if (!path.startsWith(this.lead)) return null;
        let from = 0;
        for (const run of this.runs) {
          const at = path.indexOf(run, from);
          if (at < 0) return null;
          from = at + run.length;
        }
        this.matcher ??= new WildcardPattern(this.parts!);
        const matchEnds = this.matcher.prefixEnds(path);
        let levels: Uint8Array | null = null;
        // Both lists ascend.
        for (let k = 0, m = 0; k < ends.length && m < matchEnds.length; ) {
          if (matchEnds[m]! < ends[k]!) m++;
          else if (matchEnds[m]! > ends[k]!) k++;
          else {
            levels ??= new Uint8Array(ends.length);
            levels[k++] = 1;
            m++;
          }
        }
        return levels;
      }
    }
  }
}

/**
 * One entry of the pattern list (as BuildKit's reading of the file produces it) compiled as
 * patternmatcher.New does; undefined for an entry that is only white space.
 */
export function compileIgnorePattern(entry: string): CompiledPattern | undefined {
  let pattern = goTrimSpace(entry);
  if (pattern === '') return undefined;
  pattern = goCleanPath(pattern);
  let exclusion = false;
  if (pattern.startsWith('!')) {
    if (pattern.length === 1) return new CompiledPattern('', true, 'exact', undefined, { kind: 'empty-exception' });
    exclusion = true;
    pattern = pattern.slice(1);
  }
  const reason = globSyntaxError(pattern);
  const { kind, expression } = classify(pattern);
  if (reason)
    return new CompiledPattern(pattern, exclusion, kind, kind === 'regexp' ? expression : undefined, {
      kind: 'syntax',
      reason,
    });
  if (kind !== 'regexp') return new CompiledPattern(pattern, exclusion, kind, undefined, undefined);
  const translation = translateGoRegexp(expression);
  switch (translation.kind) {
    case 'parts':
      return new CompiledPattern(pattern, exclusion, kind, expression, undefined, {
        parts: translation.parts,
        lead: translation.lead,
        runs: translation.runs,
      });
    case 'never':
      return new CompiledPattern(pattern, exclusion, kind, expression, undefined, 'never');
    case 'error':
      return new CompiledPattern(pattern, exclusion, kind, expression, {
        kind: 'regexp',
        expression,
        goError: translation.message,
      });
    case 'unsupported':
      return new CompiledPattern(pattern, exclusion, kind, expression, {
        kind: 'unsupported',
        expression,
        what: translation.what,
      });
  }
}

/**
 * patternmatcher's Pattern.compile: the kind of test, and for `regexp` the Go expression. Reads
 * the pattern by code points, skipping a byte order mark at its very start as Go's text/scanner
 * does; `i` counts the characters read by the loop, so only a `**` that comes first makes a
 * suffix pattern.
 */
export function classify(pattern: string): { kind: IgnorePatternKind; expression: string } {
  const chars = Array.from(pattern.startsWith('\uFEFF') ? pattern.slice(1) : pattern);
  let expression = '^';
  let kind: IgnorePatternKind = 'exact';
  let at = 0;
  for (let i = 0; at < chars.length; i++) {
    const ch = chars[at++]!;
    if (ch === '*') {
      if (chars[at] === '*') {
        at++;
        if (chars[at] === '/') at++;
        if (at >= chars.length) {
          if (kind === 'exact') kind = 'prefix';
          else {
            expression += '.*';
            kind = 'regexp';
          }
        } else {
          expression += '(.*/)?';
          kind = 'regexp';
        }
        if (i === 0) kind = 'suffix';
      } else {
        expression += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      expression += '[^/]';
      kind = 'regexp';
    } else if ('.+()|{}$'.includes(ch)) {
      expression += `\\${ch}`;
    } else if (ch === '\\') {
      if (at < chars.length) {
        expression += `\\${chars[at++]!}`;
        kind = 'regexp';
      } else expression += '\\';
    } else if (ch === '[' || ch === ']') {
      expression += ch;
      kind = 'regexp';
    } else expression += ch;
  }
  if (kind === 'regexp') expression += '$';
  return { kind, expression };
}

/**
 * The error filepath.Match(pattern, ".") returns, as a reason: Go checks the syntax of the whole
 * pattern. Stars split it into chunks (a `*` inside `[...]` does not); in a chunk `\` escapes
 * the next character, and `[` opens a class of at least one character or range (only `^`
 * negates), where `-` and `]` must be escaped unless `]` closes it.
 */
export function globSyntaxError(pattern: string): GlobSyntaxReason | undefined {
  let i = 0;
  while (i < pattern.length) {
    while (pattern[i] === '*') i++;
    const end = goGlobChunkEnd(pattern, i);
    const reason = chunkSyntaxError(pattern.slice(i, end));
    if (reason) return reason;
    i = end;
  }
  return undefined;
}

function chunkSyntaxError(chunk: string): GlobSyntaxReason | undefined {
  let k = 0;
  /** One class member (Go's getEsc): the index after it, or the reason it is bad. */
  const member = (at: number, isRangeEnd: boolean): number | GlobSyntaxReason => {
    if (at >= chunk.length) return 'unclosed-class';
    if (chunk[at] === '-') return 'unescaped-dash';
    if (chunk[at] === ']') return isRangeEnd ? 'range-without-end' : 'empty-class';
    if (chunk[at] === '\\') {
      at++;
      if (at >= chunk.length) return 'unclosed-class';
    }
    at += chunk.codePointAt(at)! > 0xffff ? 2 : 1;
    return at >= chunk.length ? 'unclosed-class' : at;
  };
  while (k < chunk.length) {
    const c = chunk[k];
    if (c === '[') {
      k++;
      if (chunk[k] === '^') k++;
      for (let ranges = 0; ; ranges++) {
        if (k < chunk.length && chunk[k] === ']' && ranges > 0) {
          k++;
          break;
        }
        const lo = member(k, false);
        if (typeof lo === 'string') return lo;
        k = lo;
        if (chunk[k] === '-') {
          const hi = member(k + 1, true);
          if (typeof hi === 'string') return hi;
          k = hi;
        }
      }
    } else if (c === '\\') {
      k++;
      if (k >= chunk.length) return 'trailing-backslash';
      k++;
    } else k++;
  }
  return undefined;
}
