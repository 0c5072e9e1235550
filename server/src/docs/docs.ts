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
  /** Everything after the summary line. */
  body: string;
  /** Summary in bold followed by the body, ready for a hover. */
  markdown: string;
}

const cache = new Map<string, Doc | null>();

/** The doc at `path` in `language`, falling back to English when no translation exists. */
export function docAt(path: string, language: DocLanguage): Doc | undefined {
  const key = `${language}/${path}`;
  let doc = cache.get(key);
  if (doc === undefined) {
    const text = DOC_FILES.get(key) ?? DOC_FILES.get(`en/${path}`);
    doc = text === undefined ? null : parseDoc(path, text);
    cache.set(key, doc);
  }
  return doc ?? undefined;
}

function parseDoc(path: string, text: string): Doc {
  const normalized = text.replace(/\r\n?/g, '\n');
  const newline = normalized.indexOf('\n');
  const summary = (newline < 0 ? normalized : normalized.slice(0, newline)).trim();
  const body = newline < 0 ? '' : normalized.slice(newline + 1).trim();
  return { path, summary, body, markdown: body ? `**${summary}**\n\n${body}` : `**${summary}**` };
}

export const instructionDoc = (keyword: string, language: DocLanguage): Doc | undefined => docAt(`instruction/${keyword.toUpperCase()}.md`, language);

export const flagDoc = (keyword: string, flag: string, language: DocLanguage): Doc | undefined =>
  docAt(`flag/${keyword.toUpperCase()}--${flag.toLowerCase()}.md`, language);

export const mountDoc = (type: string, language: DocLanguage): Doc | undefined => docAt(`mount/${type.toLowerCase()}.md`, language);

export const directiveDoc = (name: string, language: DocLanguage): Doc | undefined => docAt(`directive/${name.toLowerCase()}.md`, language);

export const healthcheckDoc = (mode: string, language: DocLanguage): Doc | undefined => docAt(`healthcheck/${mode.toUpperCase()}.md`, language);

export const conceptDoc = (name: string, language: DocLanguage): Doc | undefined => docAt(`concept/${name}.md`, language);

/** Docs of predefined build args; the proxy variables (any case) share one page. */
export function argDoc(name: string, language: DocLanguage): Doc | undefined {
  if (/^(http|https|ftp|no|all)_proxy$/i.test(name)) return docAt('arg/PROXY.md', language);
  return docAt(`arg/${name}.md`, language);
}

/** Names of the files in one docs folder (English is the complete set), without `.md`. */
function namesIn(folder: string): string[] {
  const prefix = `en/${folder}/`;
  const names: string[] = [];
  for (const path of DOC_FILES.keys()) if (path.startsWith(prefix) && path.endsWith('.md')) names.push(path.slice(prefix.length, -3));
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
export const DOCUMENTED_ARGS: readonly string[] = namesIn('arg');

const rowsCache = new Map<string, TableRow[]>();

/** Rows of the tables in a doc that name something in their first column. */
export function namedRows(doc: Doc | undefined): TableRow[] {
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
export const flagValues = (keyword: string, flag: string, language: DocLanguage): TableRow[] => namedRows(flagDoc(keyword, flag, language));

const keyDocCache = new Map<string, string | null>();

/** Markdown for one key of a mount type, rendered from its table row. */
export function mountKeyDoc(type: string, key: string, language: DocLanguage): string | undefined {
  const cacheKey = `${language}:${type}:${key}`;
  let rendered = keyDocCache.get(cacheKey);
  if (rendered === undefined) {
    const row = mountKeys(type, language).find((r) => r.names.includes(key));
    rendered = row ? renderRow(`--mount=type=${type}`, row) : null;
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
