// Typed lookups into the docs folder. Each doc is parsed and rendered once per language and
// kept, so hovers and completion items reuse the same Markdown strings.
import { DOC_FILES } from './docFiles';
import { tableRows, type TableRow } from './markdownTable';

export type DocLanguage = 'en' | 'ko';

export interface Doc {
  /** Path under the language folder, e.g. `instruction/RUN.md`. */
  path: string;
  /** Line 1: one sentence. */
  summary: string;
  /** Everything after the summary line (without the brief marker). */
  body: string;
  /** Summary in bold followed by the body, ready for a hover. */
  markdown: string;
  /** The short part of the body: the text before the `<!-- more -->` line. */
  brief: string;
  /** The body after the `<!-- more -->` line. */
  rest: string;
  /** The link on the doc's last line, to Docker's documentation. */
  reference: { title: string; url: string } | undefined;
}

/**
 * A line of its own that ends a doc's brief part: the summary and the text above it are what a
 * hover shows first (or alone, with a link to the whole page).
 */
export const BRIEF_MARKER = '<!-- more -->';

const cache = new Map<string, Doc | null>();

/** The doc at `path` in `language`, falling back to English when no translation exists. */
export function docAt(path: string, language: DocLanguage): Doc | undefined {
  const key = `${language}/${path}`;
  let doc = cache.get(key);
  if (doc === undefined) {
    const text = DOC_FILES.get(key) ?? DOC_FILES.get(`en/${path}`);
    // A miss is not kept: paths are made from what is typed (flag, mount type, variable names).
    if (text === undefined) return undefined;
    doc = parseDoc(path, text);
    cache.set(key, doc);
  }
  return doc ?? undefined;
}

function parseDoc(path: string, text: string): Doc {
  const normalized = text.replace(/\r\n?/g, '\n');
  const newline = normalized.indexOf('\n');
  const summary = (newline < 0 ? normalized : normalized.slice(0, newline)).trim();
  const after = newline < 0 ? '' : normalized.slice(newline + 1);
  const lines = after.split('\n');
  const marker = lines.findIndex((line) => line.trim() === BRIEF_MARKER);
  const brief = marker < 0 ? '' : lines.slice(0, marker).join('\n').trim();
  const rest = (marker < 0 ? after : lines.slice(marker + 1).join('\n')).trim();
  const body = [brief, rest].filter(Boolean).join('\n\n');
  const link = /^\[([^\]\n]+)\]\((https:\/\/[^)\s]+)\)$/.exec(rest.slice(rest.lastIndexOf('\n') + 1));
  const reference = link ? { title: link[1]!, url: link[2]! } : undefined;
  return {
    path,
    summary,
    body,
    markdown: body ? `**${summary}**\n\n${body}` : `**${summary}**`,
    brief,
    rest,
    reference,
  };
}

export const instructionDoc = (keyword: string, language: DocLanguage): Doc | undefined =>
  docAt(`instruction/${keyword.toUpperCase()}.md`, language);

export const flagDoc = (keyword: string, flag: string, language: DocLanguage): Doc | undefined =>
  docAt(`flag/${keyword.toUpperCase()}--${flag.toLowerCase()}.md`, language);

export const mountDoc = (type: string, language: DocLanguage): Doc | undefined =>
  docAt(`mount/${type.toLowerCase()}.md`, language);

export const directiveDoc = (name: string, language: DocLanguage): Doc | undefined =>
  docAt(`directive/${name.toLowerCase()}.md`, language);

export const healthcheckDoc = (mode: string, language: DocLanguage): Doc | undefined =>
  docAt(`healthcheck/${mode.toUpperCase()}.md`, language);

export const conceptDoc = (name: string, language: DocLanguage): Doc | undefined =>
  docAt(`concept/${name}.md`, language);

/** Docs of predefined build args; the proxy variables (any case) share one page. */
export function argDoc(name: string, language: DocLanguage): Doc | undefined {
  if (/^(http|https|ftp|no|all)_proxy$/i.test(name)) return docAt('arg/PROXY.md', language);
  return docAt(`arg/${name}.md`, language);
}

/** Names of the files in one docs folder (English is the complete set), without `.md`. */
function namesIn(folder: string): string[] {
  const prefix = `en/${folder}/`;
  const names: string[] = [];
  for (const path of DOC_FILES.keys())
    if (path.startsWith(prefix) && path.endsWith('.md')) names.push(path.slice(prefix.length, -3));
  return names;
}

let flagsByKeyword: Map<string, string[]> | undefined;

/** The flags an instruction accepts, as documented (`RUN` -> mount, network, security). */
export function instructionFlags(keyword: string): readonly string[] {
  if (!flagsByKeyword) {
    flagsByKeyword = new Map();
    for (const name of namesIn('flag')) {
      const [owner = '', flag = ''] = name.split('--');
      const list = flagsByKeyword.get(owner) ?? [];
      list.push(flag);
      flagsByKeyword.set(owner, list);
    }
  }
  return flagsByKeyword.get(keyword.toUpperCase()) ?? [];
}

export const MOUNT_TYPES: readonly string[] = namesIn('mount');
export const DIRECTIVE_NAMES: readonly string[] = namesIn('directive');

const rowsCache = new Map<string, TableRow[]>();

/** Rows of the tables in a doc that name something in their first column. */
function namedRows(doc: Doc | undefined): TableRow[] {
  if (!doc) return [];
  const key = `${doc.path}\n${doc.summary}`;
  let rows = rowsCache.get(key);
  if (!rows) {
    rows = tableRows(doc.body).filter((row) => row.names.length > 0);
    rowsCache.set(key, rows);
  }
  return rows;
}

/** The keys `--mount=type=<type>` accepts, one row per key with its aliases. */
export const mountKeys = (type: string, language: DocLanguage): TableRow[] => namedRows(mountDoc(type, language));

/** The documented values of a flag (`--network` -> default, none, host). */
export const flagValues = (keyword: string, flag: string, language: DocLanguage): TableRow[] =>
  namedRows(flagDoc(keyword, flag, language));

const keyDocCache = new Map<string, string | null>();

/** Markdown for one key of a mount type, rendered from its table row. */
export function mountKeyDoc(type: string, key: string, language: DocLanguage): string | undefined {
  const cacheKey = `${language}:${type}:${key}`;
  let rendered = keyDocCache.get(cacheKey);
  if (rendered === undefined) {
    const row = mountKeys(type, language).find((r) => r.names.includes(key));
    rendered = row ? renderRow(`--mount=type=${type}`, row) : null;
    // Keyed by what is typed (a miss too): bounded, or every key typed letter by letter stays.
    if (keyDocCache.size >= 1000) keyDocCache.clear();
    keyDocCache.set(cacheKey, rendered);
  }
  return rendered ?? undefined;
}

/** `` `sharing` `` (`--mount=type=cache`) followed by each column as "header: cell". */
export function renderRow(owner: string, row: TableRow): string {
  const title = `${row.names.map((n) => `\`${n}\``).join(', ')} — \`${owner}\``;
  const lines = row.cells.map((cell, i) => `- ${row.header[i + 1] ?? ''}: ${cell}`);
  return `**${title}**\n\n${lines.join('\n')}`;
}
