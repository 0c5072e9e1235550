// node:path's place in the browser bundle of the server: the POSIX functions the server and core
// use. Paths there are the paths of workspace URIs (browser/workspaceUris.ts), always `/`-separated.
import { goCleanPath } from '../../../../core/src/context/goText';

export const sep = '/';

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/**
 * Removes `.`, empty parts and `..` (never above the root of an absolute path): Go's lexical
 * Clean, but a trailing slash stays.
 */
export function normalize(path: string): string {
  if (path === '') return '.';
  const cleaned = goCleanPath(path);
  return path.endsWith('/') && cleaned !== '/' ? `${cleaned}/` : cleaned;
}

export function join(...paths: string[]): string {
  const joined = paths.filter((path) => path !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export function resolve(...paths: string[]): string {
  let resolved = '';
  for (let i = paths.length - 1; i >= 0 && !isAbsolute(resolved); i--) {
    const path = paths[i]!;
    if (path !== '') resolved = resolved === '' ? path : `${path}/${resolved}`;
  }
  const normalized = normalize(isAbsolute(resolved) ? resolved : `/${resolved}`);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

/** Everything before the last name, as Node's POSIX dirname has it (a `//` root stays `//`). */
export function dirname(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  let end = path.length;
  // Trailing slashes belong to the last name.
  while (end > 1 && path[end - 1] === '/') end--;
  const slash = end > 1 ? path.lastIndexOf('/', end - 1) : -1;
  if (slash < 1) return rooted ? '/' : '.';
  if (rooted && slash === 1) return '//';
  return path.slice(0, slash);
}

export function basename(path: string, suffix?: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  const base = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
  return suffix !== undefined && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

export function relative(from: string, to: string): string {
  const fromParts = resolve(from).split('/').filter(Boolean);
  const toParts = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

export const posix = { sep, isAbsolute, normalize, join, resolve, dirname, basename, relative };
