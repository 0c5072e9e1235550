// Turns the paths, folders and globs on the command line into the files to check.
// A folder is searched for Dockerfile names; a glob takes every file it matches, whatever its name.
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globToRegExp } from '../../server/src/context/dockerignore';
import type { LocalizedText } from '../../server/src/rules';
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
      if (!isGlob(input)) {
        // Reported when the file is read, so it sits with the other unreadable files.
        add(absolute);
        continue;
      }
      const matches = expandGlob(input, cwd);
      if (matches.length === 0) discovery.errors.push(MESSAGES.noGlobMatch(input));
      matches.forEach(add);
      continue;
    }
    if (!isFolder) {
      add(absolute);
      continue;
    }
    const found: string[] = [];
    walk(absolute, (path, name) => {
      if (isDockerfileName(name)) found.push(path);
    });
    if (found.length === 0) discovery.notes.push(MESSAGES.noDockerfiles(input));
    found.forEach(add);
  }
  return discovery;
}

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
  const regex = globToRegExp(normalized);
  // Without `**` the pattern cannot match deeper than its own number of segments.
  const maxDepth = normalized.includes('**') ? Infinity : segments.length - baseSegments.length;
  const matches: string[] = [];
  const root = resolve(cwd, base || '.');
  walk(
    root,
    (path, _name, relativePath) => {
      const candidate = base === '' ? relativePath : base.endsWith('/') ? base + relativePath : `${base}/${relativePath}`;
      if (regex.test(candidate)) matches.push(path);
    },
    maxDepth,
  );
  return matches;
}

/** Calls `visit` on every file below `folder` (sorted, skipped folders left out, symlinked folders not followed). */
function walk(folder: string, visit: (path: string, name: string, relativePath: string) => void, maxDepth = Infinity, prefix = '', depth = 1): void {
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
      if (!SKIPPED_FOLDERS.has(entry.name) && depth < maxDepth) walk(path, visit, maxDepth, `${relativePath}/`, depth + 1);
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
