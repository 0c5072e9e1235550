// Variable expansion as the builder does it for ENV, ARG, FROM, COPY, ... values.
import { findClosingBrace, unquote } from '../parser';

/** Looks a name up; undefined means "not set". */
export type Lookup = (name: string) => string | undefined;

const isNameStart = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z_]/.test(ch);
const isNameChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_]/.test(ch);

/**
 * Expands `$NAME` and `${NAME<modifier>word}` in `raw`, then removes quotes. Returns undefined
 * when a value the result depends on is unknown (so callers never show a wrong value).
 */
export function expandValue(raw: string, lookup: Lookup, escape: string): string | undefined {
  const expanded = expandRaw(raw, lookup, escape, true);
  return expanded === undefined ? undefined : unquote(expanded, escape);
}

class Unknown extends Error {}

function expandRaw(raw: string, lookup: Lookup, escape: string, quotesLiteral: boolean): string | undefined {
  try {
    return expandText(raw, lookup, escape, quotesLiteral);
  } catch (error) {
    if (error instanceof Unknown) return undefined;
    throw error;
  }
}

const SPECIAL = /[$"'\\`]/g;

function expandText(text: string, lookup: Lookup, escape: string, singleQuotesLiteral: boolean): string {
  let out = '';
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    // Copy a run of ordinary characters at once (values such as a long PATH are mostly that).
    SPECIAL.lastIndex = i;
    const special = SPECIAL.exec(text);
    const runEnd = special ? special.index : text.length;
    if (runEnd > i) {
      out += text.slice(i, runEnd);
      i = runEnd - 1;
      continue;
    }
    const ch = text[i]!;
    if (ch === escape && i + 1 < text.length) {
      out += ch + text[++i];
      continue;
    }
    if (ch === '"') inDouble = !inDouble;
    if (ch === "'" && singleQuotesLiteral && !inDouble) {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? text.length : close + 1;
      out += text.slice(i, end);
      i = end - 1;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (isNameStart(next)) {
      let end = i + 1;
      while (end < text.length && isNameChar(text[end])) end++;
      out += protect(valueOf(lookup, text.slice(i + 1, end)), escape);
      i = end - 1;
    } else if (next === '{') {
      const close = findClosingBrace(text, i + 2, text.length, escape);
      if (close < 0) throw new Unknown();
      out += protect(expandBraced(text.slice(i + 2, close), lookup, escape), escape);
      i = close;
    } else out += ch;
  }
  return out;
}

/** Expanded values are literal text: escape quotes so the final unquote keeps them. */
function protect(value: string, escape: string): string {
  return value.replace(/["'\\`]/g, (c) => (c === escape || c === '"' || c === "'" ? escape + c : c));
}

function valueOf(lookup: Lookup, name: string): string {
  const value = lookup(name);
  if (value === undefined) throw new Unknown();
  return value;
}

function expandBraced(inner: string, lookup: Lookup, escape: string): string {
  let nameEnd = 0;
  while (nameEnd < inner.length && isNameChar(inner[nameEnd])) nameEnd++;
  const name = inner.slice(0, nameEnd);
  const rest = inner.slice(nameEnd);
  const current = lookup(name);
  const word = (from: number): string => unquote(expandText(rest.slice(from), lookup, escape, false), escape);
  if (rest === '') return valueOf(lookup, name);
  if (rest.startsWith(':-')) return current === undefined || current === '' ? word(2) : current;
  if (rest.startsWith(':+')) return current === undefined || current === '' ? '' : word(2);
  if (rest.startsWith(':?')) return current === undefined || current === '' ? thrown() : current;
  if (rest.startsWith('-')) return current === undefined ? word(1) : current;
  if (rest.startsWith('+')) return current === undefined ? '' : word(1);
  if (rest.startsWith('?')) return current === undefined ? thrown() : current;
  const value = valueOf(lookup, name);
  if (rest.startsWith('##')) return trimPrefix(value, word(2), true);
  if (rest.startsWith('#')) return trimPrefix(value, word(1), false);
  if (rest.startsWith('%%')) return trimSuffix(value, word(2), true);
  if (rest.startsWith('%')) return trimSuffix(value, word(1), false);
  if (rest.startsWith('/')) {
    const all = rest.startsWith('//');
    const body = rest.slice(all ? 2 : 1);
    const slash = body.indexOf('/');
    const pattern = slash < 0 ? body : body.slice(0, slash);
    const replacement = slash < 0 ? '' : body.slice(slash + 1);
    const regex = globToRegExp(pattern, true);
    return value.replace(new RegExp(regex.source, all ? 'g' : ''), replacement);
  }
  throw new Unknown();
}

function thrown(): never {
  throw new Unknown();
}

function globToRegExp(glob: string, greedy: boolean): RegExp {
  let source = '';
  for (const ch of glob) {
    if (ch === '*') source += greedy ? '.*' : '.*?';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(source);
}

function trimPrefix(value: string, pattern: string, longest: boolean): string {
  const indices = [...Array(value.length + 1).keys()];
  if (longest) indices.reverse();
  const regex = new RegExp(`^(?:${globToRegExp(pattern, true).source})$`);
  for (const i of indices) if (regex.test(value.slice(0, i))) return value.slice(i);
  return value;
}

function trimSuffix(value: string, pattern: string, longest: boolean): string {
  const indices = [...Array(value.length + 1).keys()];
  if (!longest) indices.reverse();
  const regex = new RegExp(`^(?:${globToRegExp(pattern, true).source})$`);
  for (const i of indices) if (regex.test(value.slice(i))) return value.slice(0, i);
  return value;
}
