// package.json as VS Code shows it: every "%key%" placeholder replaced from package.nls.json
// (English) or package.nls.<language>.json, as VS Code localizes an extension's manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export type NlsBundle = Record<string, string>;

export function readJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(ROOT, relativePath), 'utf8')) as T;
}

/** The raw manifest, placeholders and all. */
export function rawManifest<T = Record<string, unknown>>(): T {
  return readJson<T>('package.json');
}

/** The message bundle for `language`: package.nls.json for English, package.nls.<language>.json otherwise. */
export function nlsBundle(language: 'en' | 'ko'): NlsBundle {
  return readJson<NlsBundle>(language === 'en' ? 'package.nls.json' : `package.nls.${language}.json`);
}

const PLACEHOLDER = /^%([^%\s]+)%$/;

/** The key of a "%key%" placeholder, or undefined for any other value. */
export function placeholderKey(value: unknown): string | undefined {
  return typeof value === 'string' ? PLACEHOLDER.exec(value)?.[1] : undefined;
}

/** Every "%key%" placeholder in `value` with its path (`contributes.commands.0.title`). */
export function placeholders(value: unknown, path = ''): Array<{ path: string; key: string }> {
  const key = placeholderKey(value);
  if (key !== undefined) return [{ path, key }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => placeholders(item, path === '' ? String(index) : `${path}.${index}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, item]) => placeholders(item, path === '' ? name : `${path}.${name}`));
  }
  return [];
}

/** `value` with every placeholder replaced from `bundle` (left as is when the bundle lacks the key). */
export function localize<T>(value: T, bundle: NlsBundle): T {
  const key = placeholderKey(value);
  if (key !== undefined) return (bundle[key] ?? value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => localize(item, bundle)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, localize(item, bundle)])) as T;
  }
  return value;
}

/** The manifest as VS Code shows it in `language`. */
export function localizedManifest<T = Record<string, unknown>>(language: 'en' | 'ko' = 'en'): T {
  return localize(rawManifest<T>(), nlsBundle(language));
}
