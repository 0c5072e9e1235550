// .dockerignore patterns with the builder's semantics: Go filepath.Match globs plus `**`,
// `!` re-includes, the last matching pattern wins, and a pattern matching a directory
// matches everything below it.

export interface IgnorePattern {
  /** The pattern as written (after trimming), without the leading `!`. */
  text: string;
  exclusion: boolean;
  /** 0-based line in the .dockerignore file. */
  line: number;
  regex: RegExp;
}

export class DockerIgnore {
  constructor(readonly patterns: readonly IgnorePattern[]) {}

  static parse(text: string): DockerIgnore {
    const patterns: IgnorePattern[] = [];
    text.split(/\r\n|\r|\n/).forEach((rawLine, line) => {
      if (rawLine.startsWith('#')) return;
      let pattern = rawLine.trim();
      if (pattern === '') return;
      const exclusion = pattern.startsWith('!');
      if (exclusion) pattern = pattern.slice(1).trim();
      pattern = cleanPath(pattern);
      if (pattern === '') return;
      patterns.push({ text: pattern, exclusion, line, regex: globToRegExp(pattern) });
    });
    return new DockerIgnore(patterns);
  }

  /** Whether a path relative to the context root (with `/`) is left out of the context. */
  isIgnored(relativePath: string): boolean {
    const path = cleanPath(relativePath);
    if (path === '' || path === '.') return false;
    const parents = parentPaths(path);
    let ignored = false;
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== ignored) continue;
      if (parents.some((candidate) => pattern.regex.test(candidate))) ignored = !pattern.exclusion;
    }
    return ignored;
  }

  /** Whether any pattern matches this exact path or one of its parents (ignoring `!`). */
  mentions(relativePath: string): boolean {
    const parents = parentPaths(cleanPath(relativePath));
    return this.patterns.some((p) => !p.exclusion && parents.some((candidate) => p.regex.test(candidate)));
  }
}

/** `a/b/c` -> [`a`, `a/b`, `a/b/c`]. */
function parentPaths(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Like Go's filepath.Clean for slash paths, also dropping a leading `/` and `./`. */
export function cleanPath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      continue;
    }
    out.push(part);
  }
  return out.join('/');
}

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` matches zero or more directories; a trailing `**` matches everything.
        if (pattern[i + 1] === '/') {
          i++;
          source += '(?:.*/)?';
        } else source += '.*';
      } else source += '[^/]*';
    } else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) source += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('^') || body.startsWith('!')) body = '^' + body.slice(1);
        source += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i]!);
    } else source += escapeRegExp(ch);
  }
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return new RegExp(`^${escapeRegExp(pattern)}$`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
