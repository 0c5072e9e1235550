// Turns the paths, folders and globs on the command line into the files to check.
// A folder is searched for Dockerfile names; a glob takes every file it matches, whatever its name.
// Braces (`{a,b}/Dockerfile`) are expanded first (braceExpansion.ts).
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  anyChar,
  anyCharExcept,
  type CharRange,
  type CharTest,
  charClass,
  literalChar,
  many,
  one,
  optional,
  type PatternPart,
  WildcardPattern,
} from '../../core/src/match';
import type { LocalizedText } from '../../core/src/rules';
import { expandBraces, hasBraces } from './braceExpansion';
import { isDockerfileName } from './dockerfileNames';
import { MESSAGES } from './messages';

/** Never searched: dependencies and version-control data are not the project's Dockerfiles. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** A file to check: a path on disk (absolute) or standard input (`-`). */
export type Target = { kind: 'file'; path: string } | { kind: 'stdin' };

export interface Discovery {
  /** Each file once, in the order of the inputs (sorted within a folder or glob). */
  targets: Target[];
  /** Inputs that name nothing readable: the run fails with exit status 2. */
  errors: LocalizedText[];
  /** Worth saying, but not a failure (a folder without Dockerfiles). */
  notes: LocalizedText[];
}

export function discoverFiles(inputs: readonly string[], cwd: string): Discovery {
  const discovery: Discovery = { targets: [], errors: [], notes: [] };
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    discovery.targets.push({ kind: 'file', path });
  };
  for (const input of inputs) {
    if (input === '-') {
      discovery.targets.push({ kind: 'stdin' });
      continue;
    }
    const absolute = resolve(cwd, input);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch {
      if (!isGlob(input) && !hasBraces(input)) {
        // Reported when the file is read, so it sits with the other unreadable files.
        add(absolute);
        continue;
      }
      const globs = expandBraces(input);
      if (!Array.isArray(globs)) {
        discovery.errors.push(globs);
        continue;
      }
      const before = discovery.targets.length;
      for (const glob of globs) {
        if (isGlob(glob)) expandGlob(glob, cwd).forEach(add);
        else if (isFile(resolve(cwd, glob))) add(resolve(cwd, glob));
        else dockerfilesIn(resolve(cwd, glob)).forEach(add);
      }
      if (discovery.targets.length === before) discovery.errors.push(MESSAGES.noGlobMatch(input));
      continue;
    }
    if (!isFolder) {
      add(absolute);
      continue;
    }
    const found = dockerfilesIn(absolute);
    if (found.length === 0) discovery.notes.push(MESSAGES.noDockerfiles(input));
    found.forEach(add);
  }
  return discovery;
}

/** The files with Dockerfile names below a folder (none when it is not one). */
function dockerfilesIn(folder: string): string[] {
  const found: string[] = [];
  walk(folder, (path, name) => {
    if (isDockerfileName(name)) found.push(path);
  });
  return found;
}

/** `*`, `?` or `[`: a pattern to match against file names (braces are expanded before). */
export function isGlob(input: string): boolean {
  return /[*?[]/.test(input);
}

/** The files (not folders) a glob matches, relative patterns taken from `cwd`. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/^(\.\/)+/, '');
  const segments = normalized.split('/');
  const firstMagic = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstMagic);
  const base = baseSegments.join('/') || (normalized.startsWith('/') ? '/' : '');
  const glob = new WildcardPattern(globParts(normalized));
  // Without `**` the pattern cannot match deeper than its own number of segments.
  const maxDepth = normalized.includes('**') ? Infinity : segments.length - baseSegments.length;
  const matches: string[] = [];
  const root = resolve(cwd, base || '.');
  walk(
    root,
    (path, _name, relativePath) => {
      const candidate =
        base === '' ? relativePath : base.endsWith('/') ? base + relativePath : `${base}/${relativePath}`;
      if (glob.matches(candidate)) matches.push(path);
    },
    maxDepth,
  );
  return matches;
}

/**
 * A glob as linear-time matcher parts (a regular expression made from it backtracks
 * exponentially: `*a*a*a*a*a*a*a*a*a*a*X` against a long file name of `a`s takes minutes):
 * `*` any run within a segment, `?` one character of a segment, `**` any run across segments
 * (`**` followed by `/` also matches no folder at all), `[...]` a class (`^` or `!` negates it;
 * without a closing `]` the `[` is literal), `\` makes the next character literal.
 */
export function globParts(glob: string): PatternPart[] {
  const parts: PatternPart[] = [];
  const chars = [...glob];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') {
          i++;
          parts.push(optional([many(anyChar), one(literalChar('/'))]));
        } else parts.push(many(anyChar));
      } else parts.push(many(anyCharExcept('/')));
    } else if (ch === '?') parts.push(one(anyCharExcept('/')));
    else if (ch === '[' && chars.indexOf(']', i + 2) >= 0) {
      const close = chars.indexOf(']', i + 2);
      parts.push(one(classOf(chars.slice(i + 1, close))));
      i = close;
    } else if (ch === '\\' && i + 1 < chars.length) parts.push(one(literalChar(chars[++i]!)));
    else parts.push(one(literalChar(ch)));
  }
  return parts;
}

/** A class body (the characters between `[` and `]`): single characters and `a-z` ranges. */
function classOf(body: readonly string[]): CharTest {
  const negated = body[0] === '^' || body[0] === '!';
  const ranges: CharRange[] = [];
  for (let i = negated ? 1 : 0; i < body.length; i++) {
    const from = body[i]!;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      ranges.push({ from, to: body[i + 2]! });
      i += 2;
    } else ranges.push({ from, to: from });
  }
  return charClass(ranges, negated);
}

/** Calls `visit` on every file below `folder` (sorted, skipped folders left out, symlinked folders not followed). */
function walk(
  folder: string,
  visit: (path: string, name: string, relativePath: string) => void,
  maxDepth = Infinity,
  prefix = '',
  depth = 1,
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const relativePath = prefix + entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && depth < maxDepth)
        walk(path, visit, maxDepth, `${relativePath}/`, depth + 1);
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(path))) {
      visit(path, entry.name, relativePath);
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
