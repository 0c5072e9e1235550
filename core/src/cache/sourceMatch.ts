// Whether a COPY/ADD source takes a given build-context file, as BuildKit resolves the source
// (tonistiigi/fsutil copy/copy.go, ResolveWildcards; BuildKit's file op calls it for every
// local COPY/ADD source, frontend/dockerfile/dockerfile2llb/convert_copy.go AllowWildcard):
//   - The source, made absolute and cleaned, is split at `/`. The segments before the first one
//     holding a wildcard (`*`, `?` or `[`; a `\` hides the character after it) are a literal
//     folder; the rest is the pattern. Without a wildcard the source is one literal path (a
//     backslash in it is a plain character, as it is in the literal folder).
//   - fsutil walks that folder and tests each path below it, relative to the folder, with Go's
//     filepath.Match (../context/goFilepathMatch): `*` and `?` never match `/`, so `**` is just
//     `*`; classes `[a-z]`, `[^a]` (only `^` negates) and escapes `\*` are Go's; a dot is an
//     ordinary character (`*` takes hidden files). A malformed pattern matches nothing, and an
//     empty match is no error (AllowEmptyWildcard).
//   - A matching folder is copied with everything below it and not walked further; a folder
//     that does not match is walked into. So a file is taken when its path, or a folder above
//     it, matches.
// `COPY --parents` is resolved differently (convert_copy.go): the source is cut at its first
// `/./` (none: at the context root); the part before is resolved as above, and within each
// match the part after is an include pattern of moby/patternmatcher, as in .dockerignore (`**`
// spans folders), tested on each path and the folders above it.
// Every question is answered in time linear in the path for a given source.
import { compileIgnorePattern, type CompiledPattern } from '../context/ignorePattern';
import { goCleanPath } from '../context/goText';
import { GoFilepathPattern } from '../context/goFilepathMatch';

interface Resolved {
  /** The literal folder before the first wildcard segment ('' for the context root), or the whole literal path. */
  literal: string;
  /** The rest as a Go pattern; undefined for a literal source, null for a malformed pattern. */
  pattern: GoFilepathPattern | null | undefined;
}

interface CompiledSource extends Resolved {
  /** `COPY --parents`: the include pattern applied within each match (undefined when it takes nothing). */
  include?: CompiledPattern | undefined;
  parents: boolean;
}

const compiledSources = new Map<string, CompiledSource>();

/**
 * `source` as LayerStep.contextSources holds it: cleaned ('' is the whole context), or for
 * `COPY --parents` with wildcards in BuildKit's form `parent/./pattern` (see `parentsSource`).
 */
export function sourceTakes(source: string, relativePath: string): boolean {
  const compiled = compileSource(source);
  const path = cleanSourcePath(relativePath);
  const match = matchedEntry(compiled, path);
  if (match === undefined) return false;
  if (!compiled.parents || match === path.length) return true;
  // --parents: the include pattern, on the path below the matched folder or a folder above it.
  const { include } = compiled;
  if (!include || include.exclusion) return false;
  const rest = match === 0 ? path : path.slice(match + 1);
  return include.matchLevels(rest, levelEnds(rest)) !== null;
}

/**
 * How a `COPY --parents` source (expanded) is kept in LayerStep.contextSources. Without a
 * wildcard or escape it takes what the plain source takes, so it is kept cleaned; otherwise as
 * `parent/./pattern` (`./pattern` at the context root), each part cleaned, a form no cleaned
 * source has. An empty pattern (`COPY --parents . /dst`) includes nothing: patternmatcher
 * drops it, and fsutil then includes no path below the source.
 */
export function parentsSource(expanded: string): string {
  const pivot = expanded.indexOf('/./');
  const parent = pivot < 0 ? '' : cleanSourcePath(expanded.slice(0, pivot));
  const pattern = cleanSourcePath(pivot < 0 ? expanded : expanded.slice(pivot + 3));
  if (pattern !== '' && !/[*?[\\]/.test(parent) && !/[*?[\\]/.test(pattern))
    return parent === '' ? pattern : `${parent}/${pattern}`;
  return parent === '' ? `./${pattern}` : `${parent}/./${pattern}`;
}

/**
 * Where the path meets what the source resolves to: the end of the matched entry in `path`
 * (the literal path, or the level the pattern matched first: the walk does not go below a
 * matching folder), 0 for the context root itself; undefined when it takes nothing there.
 */
function matchedEntry({ literal, pattern }: Resolved, path: string): number | undefined {
  if (pattern === undefined) {
    if (literal === '') return 0;
    return path === literal || (path.startsWith(literal) && path[literal.length] === '/') ? literal.length : undefined;
  }
  if (pattern === null) return undefined;
  let offset = 0;
  if (literal !== '') {
    if (!path.startsWith(literal) || path[literal.length] !== '/') return undefined;
    offset = literal.length + 1;
  }
  const rest = path.slice(offset);
  if (rest === '') return undefined;
  // The path relative to the walked folder, and each folder above it.
  const end = pattern.firstPrefixEnd(rest, levelEnds(rest));
  return end === undefined ? undefined : offset + end;
}

function compileSource(source: string): CompiledSource {
  let compiled = compiledSources.get(source);
  if (compiled) return compiled;
  const pivot = source.startsWith('./') ? 0 : source.indexOf('/./');
  if (pivot < 0) compiled = { ...resolve(source), parents: false };
  else {
    const parent = pivot === 0 ? '' : source.slice(0, pivot);
    const pattern = source.slice(pivot === 0 ? 2 : pivot + 3);
    // patternmatcher.New skips an empty pattern: then nothing is included.
    compiled = { ...resolve(parent), include: compileIgnorePattern(pattern), parents: true };
  }
  if (compiledSources.size >= 1000) compiledSources.clear();
  compiledSources.set(source, compiled);
  return compiled;
}

/** fsutil's splitWildcards: the literal folder, and the pattern from the first wildcard segment on. */
function resolve(source: string): Resolved {
  const segments = cleanSourcePath(source).split('/');
  const first = segments.findIndex(hasWildcard);
  if (first < 0) return { literal: segments.join('/'), pattern: undefined };
  return {
    literal: segments.slice(0, first).join('/'),
    pattern: GoFilepathPattern.compile(segments.slice(first).join('/')) ?? null,
  };
}

/** fsutil's containsWildcards (Linux): `*`, `?` or `[` not after a `\`. */
function hasWildcard(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** The end of each `/`-prefix of a clean path: every `/` position, then the length. */
function levelEnds(path: string): number[] {
  const ends: number[] = [];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) ends.push(i);
  ends.push(path.length);
  return ends;
}

/**
 * A path in the context as BuildKit cleans it (joined to `/`, so `..` stops at the root),
 * without the leading `/`; '' for the root. Backslashes are ordinary characters (Linux).
 */
export function cleanSourcePath(path: string): string {
  // Paths from the walk are clean already: only clean what needs it.
  if (
    path !== '' &&
    !path.startsWith('/') &&
    !path.endsWith('/') &&
    !path.includes('//') &&
    !/(?:^|\/)\.\.?(?:\/|$)/.test(path)
  )
    return path;
  return goCleanPath(`/${path}`).slice(1);
}
