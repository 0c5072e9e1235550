// The indentation `.editorconfig` files give a Dockerfile, for `layerwise format`: the files from
// the Dockerfile's folder up to the one with `root = true` (or the file system root), the closer
// file and, within a file, the later section winning, as https://editorconfig.org specifies.
// Only indent_style, indent_size and tab_width are read. The INI text is read line by line, each
// file at most MAX_EDITORCONFIG_BYTES; section globs go through the linear matcher of `check`'s
// globs (server/src/match), their `{a,b}` alternatives expanded first (at most MAX_ALTERNATIVES).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { WildcardPattern } from '../../core/src/match';
import { globParts } from './discovery';

export interface EditorConfigIndent {
  /** indent_style = tab. */
  useTabs?: boolean;
  /** Columns per level (indent_size, or tab_width when indent_size = tab). */
  size?: number;
}

export const MAX_EDITORCONFIG_BYTES = 64 * 1024;
const MAX_ALTERNATIVES = 64;
const MAX_FOLDERS = 64;

interface Section {
  glob: string;
  properties: Map<string, string>;
}

interface EditorConfigFile {
  root: boolean;
  sections: Section[];
}

/** Parses the INI text of an .editorconfig: `root` before any section, `[glob]` sections of `key = value` lines. */
export function parseEditorConfig(text: string): EditorConfigFile {
  const file: EditorConfigFile = { root: false, sections: [] };
  let section: Section | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      section = { glob: line.slice(1, -1), properties: new Map() };
      file.sections.push(section);
      continue;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const key = line.slice(0, equals).trim().toLowerCase();
    // Values are one word; older files put comments after them.
    const value = (
      line
        .slice(equals + 1)
        .trim()
        .split(/[ \t]/)[0] ?? ''
    ).toLowerCase();
    if (section) section.properties.set(key, value);
    else if (key === 'root') file.root = value === 'true';
  }
  return file;
}

/** Whether a section's glob matches a path ("/"-separated, relative to the .editorconfig's folder). */
export function sectionMatches(glob: string, path: string): boolean {
  // Without a "/", a glob matches the file name in any folder; with one, the path from the file's folder.
  const anchored = glob.includes('/') ? glob.replace(/^\//, '') : `**/${glob}`;
  const alternatives = expandBraces(anchored);
  return alternatives?.some((pattern) => new WildcardPattern(globParts(pattern)).matches(path)) ?? false;
}

/** `{a,b}` alternatives spelled out (a worklist, no recursion); undefined past MAX_ALTERNATIVES. */
function expandBraces(glob: string): string[] | undefined {
  const done: string[] = [];
  const work = [glob];
  let steps = 0;
  while (work.length > 0) {
    if (++steps > MAX_ALTERNATIVES * 4) return undefined;
    const pattern = work.pop()!;
    const group = firstGroup(pattern);
    if (!group) {
      done.push(pattern);
      if (done.length > MAX_ALTERNATIVES) return undefined;
      continue;
    }
    for (const choice of group.choices)
      work.push(pattern.slice(0, group.open) + choice + pattern.slice(group.close + 1));
  }
  return done.reverse();
}

/** The first `{...}` holding a top-level comma, with its choices; braces without one stay literal. */
function firstGroup(pattern: string): { open: number; close: number; choices: string[] } | undefined {
  const opens: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '{') opens.push(i);
    else if (ch === '}' && opens.length > 0) {
      const open = opens.pop()!;
      if (opens.length > 0) continue;
      const choices: string[] = [];
      let depth = 0;
      let start = open + 1;
      for (let j = open + 1; j < i; j++) {
        const c = pattern[j];
        if (c === '\\') j++;
        else if (c === '{') depth++;
        else if (c === '}') depth--;
        else if (c === ',' && depth === 0) {
          choices.push(pattern.slice(start, j));
          start = j + 1;
        }
      }
      if (choices.length > 0) return { open, close: i, choices: [...choices, pattern.slice(start, i)] };
    }
  }
  return undefined;
}

/** The indentation the .editorconfig files around `file` give it (empty when none says). */
export function editorConfigIndent(
  file: string,
  read: (path: string) => string | undefined = readEditorConfig,
): EditorConfigIndent {
  const files: { folder: string; config: EditorConfigFile }[] = [];
  let folder = dirname(resolve(file));
  for (let i = 0; i < MAX_FOLDERS; i++) {
    const text = read(join(folder, '.editorconfig'));
    if (text !== undefined) {
      const config = parseEditorConfig(text);
      files.push({ folder, config });
      if (config.root) break;
    }
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  // Outermost first, so closer files and later sections override.
  const properties = new Map<string, string>();
  for (const { folder: base, config } of files.reverse()) {
    const path = relative(base, resolve(file)).split(sep).join('/');
    for (const section of config.sections) {
      if (sectionMatches(section.glob, path)) for (const [key, value] of section.properties) properties.set(key, value);
    }
  }
  const style = properties.get('indent_style');
  const number = (value: string | undefined): number | undefined =>
    value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  const tabWidth = number(properties.get('tab_width'));
  const indentSize = properties.get('indent_size') === 'tab' ? tabWidth : number(properties.get('indent_size'));
  const size = indentSize ?? (style === 'tab' ? tabWidth : undefined);
  const result: EditorConfigIndent = {};
  if (style === 'tab' || style === 'space') result.useTabs = style === 'tab';
  if (size !== undefined && size <= 16) result.size = size;
  return result;
}

/** The file's text, or undefined when it is missing, not a file or larger than MAX_EDITORCONFIG_BYTES. */
export function readEditorConfig(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_EDITORCONFIG_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
