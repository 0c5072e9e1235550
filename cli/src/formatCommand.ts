// `layerwise format [--check|--write|--diff] [paths]`: the editor's formatter on files, found
// the way `check` finds them. Without a mode the formatted text goes to standard output;
// --write rewrites files that change; --check lists them and exits 1; --diff prints a unified
// diff of them and exits 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { LocalizedText } from '../../core/src/rules';
import type { Language } from '../../core/src/engine/language';
import { formatText } from '../../core/src/format';
import { describeFileError } from '../../core/src/engine/fileErrors';
import { initShellPrinter } from '../../core/src/shell';
import { discoverFiles } from './discovery';
import { editorConfigIndent, readEditorConfig } from './editorConfig';
import { MESSAGES } from './messages';
import type { CliIo } from './run';

const FORMAT_MODES = ['print', 'check', 'write', 'diff'] as const;
type FormatMode = (typeof FORMAT_MODES)[number];

export interface FormatOptions {
  inputs: string[];
  mode: FormatMode;
  /** Spaces per level of continuation lines and shell nesting (0 to 16); undefined: from .editorconfig, else 4. */
  indent: number | undefined;
  breakChains: boolean;
  maxLineLength: number;
  language: Language;
  stdinFilename: string | undefined;
}

export interface FormatFlags {
  check?: boolean;
  write?: boolean;
  diff?: boolean;
  indent?: string;
  'max-line-length'?: string;
  'no-break-chains'?: boolean;
  'stdin-filename'?: string;
}

/** The format command's options from the parsed flags, or the usage error. */
export function formatOptionsFrom(
  values: FormatFlags,
  inputs: string[],
  language: Language,
): FormatOptions | LocalizedText {
  const modes = (['check', 'write', 'diff'] as const).filter((mode) => values[mode]);
  if (modes.length > 1)
    return {
      en: `--${modes[0]} and --${modes[1]} cannot be combined`,
      ko: `--${modes[0]}와 --${modes[1]}는 함께 쓸 수 없습니다`,
    };
  const integer = (
    option: string,
    value: string | undefined,
    fallback: number,
    min: number,
    max: number,
  ): number | LocalizedText => {
    if (value === undefined) return fallback;
    const number = Number(value);
    return /^\d+$/.test(value) && number >= min && number <= max
      ? number
      : {
          en: `--${option} must be a whole number from ${min} to ${max}, not "${value}"`,
          ko: `--${option}는 ${min}에서 ${max} 사이의 정수여야 합니다("${value}")`,
        };
  };
  const indent = values.indent === undefined ? undefined : integer('indent', values.indent, 4, 0, 16);
  if (typeof indent === 'object') return indent;
  const maxLineLength = integer('max-line-length', values['max-line-length'], 100, 20, 1000);
  if (typeof maxLineLength !== 'number') return maxLineLength;
  return {
    inputs,
    mode: modes[0] ?? 'print',
    indent,
    maxLineLength,
    breakChains: values['no-break-chains'] !== true,
    language,
    stdinFilename: values['stdin-filename'],
  };
}

const STATUS = { clean: 0, changes: 1, usage: 2 } as const;

export async function formatFiles(options: FormatOptions, io: CliIo): Promise<number> {
  const say = (text: LocalizedText): void => io.stderr(`layerwise: ${text[options.language]}\n`);
  let failed = false;
  await initShellPrinter().catch((error: unknown) =>
    say({
      en: `the shell printer could not load, so RUN scripts keep their text (${String(error)})`,
      ko: `셸 프린터를 불러오지 못해 RUN 스크립트는 그대로 둡니다 (${String(error)})`,
    }),
  );
  const discovery = discoverFiles(options.inputs.length > 0 ? options.inputs : ['.'], io.cwd);
  for (const error of discovery.errors) {
    say(error);
    failed = true;
  }
  discovery.notes.forEach(say);
  const editorConfigs = new Map<string, string | undefined>();
  const readOnce = (path: string): string | undefined => {
    if (!editorConfigs.has(path)) editorConfigs.set(path, readEditorConfig(path));
    return editorConfigs.get(path);
  };
  const changed: string[] = [];
  for (const target of discovery.targets) {
    const shown = target.kind === 'stdin' ? (options.stdinFilename ?? '<stdin>') : displayPath(target.path, io.cwd);
    let text: string;
    try {
      text = target.kind === 'stdin' ? await io.readStdin() : readFileSync(target.path, 'utf8');
    } catch (error) {
      say(MESSAGES.cannotRead(shown, describeFileError(error)));
      failed = true;
      continue;
    }
    const path =
      target.kind === 'stdin'
        ? options.stdinFilename === undefined
          ? undefined
          : resolve(io.cwd, options.stdinFilename)
        : target.path;
    const formatted = formatText(text, {
      ...indentOf(options.indent, path, readOnce),
      breakChains: options.breakChains,
      maxLineLength: options.maxLineLength,
    });
    if (options.mode === 'print') {
      io.stdout(formatted);
      continue;
    }
    if (formatted === text) continue;
    changed.push(shown);
    if (options.mode === 'diff') io.stdout(unifiedDiff(shown, text, formatted));
    else if (options.mode === 'check') io.stdout(`${shown}\n`);
    else if (target.kind === 'stdin') io.stdout(formatted);
    else {
      try {
        writeFileSync(target.path, formatted);
        io.stderr(`${options.language === 'ko' ? '서식 맞춤' : 'formatted'}: ${shown}\n`);
      } catch (error) {
        const reason = describeFileError(error);
        say({ en: `cannot write ${shown}: ${reason.en}`, ko: `${shown}에 쓸 수 없습니다: ${reason.ko}` });
        failed = true;
      }
    }
  }
  if (options.mode === 'check' && changed.length > 0) {
    io.stderr(
      options.language === 'ko'
        ? `서식이 맞지 않는 파일 ${changed.length}개 (layerwise format --write로 고칩니다)\n`
        : `${changed.length} file${changed.length === 1 ? '' : 's'} would be reformatted ` +
            '(layerwise format --write fixes them)\n',
    );
  }
  if (failed) return STATUS.usage;
  return (options.mode === 'check' || options.mode === 'diff') && changed.length > 0 ? STATUS.changes : STATUS.clean;
}

/**
 * The indent for one file: --indent when given (spaces), else what the .editorconfig files around
 * it say (indent_style = tab: tabs; indent_size), else 4 spaces.
 */
export function indentOf(
  flag: number | undefined,
  path: string | undefined,
  read?: (path: string) => string | undefined,
): { continuationIndent: number; tabSize: number; useTabs: boolean } {
  if (flag !== undefined) return { continuationIndent: flag, tabSize: flag || 4, useTabs: false };
  const config = path === undefined ? {} : editorConfigIndent(path, read);
  const size = config.size ?? 4;
  return { continuationIndent: size, tabSize: size || 4, useTabs: config.useTabs === true };
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') ? path : shown.split(sep).join('/');
}

/** Lines the diff compares at most (n × m); past it the whole file is one hunk. */
const MAX_DIFF_CELLS = 4_000_000;
const CONTEXT = 3;

/** A unified diff (`--- a/path`, `+++ b/path`, hunks with three lines of context). */
export function unifiedDiff(path: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = diffLines(a, b);
  const out = [`--- a/${path}`, `+++ b/${path}`];
  // Group the operations into hunks around the changes.
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - CONTEXT);
    let end = i;
    let sameRun = 0;
    for (let j = i; j < ops.length; j++) {
      if (ops[j]!.kind === ' ') {
        sameRun++;
        if (sameRun > 2 * CONTEXT) break;
      } else {
        sameRun = 0;
        end = j;
      }
    }
    end = Math.min(ops.length - 1, end + CONTEXT);
    while (start > 0 && ops[start - 1]!.kind !== ' ') start--;
    const hunk = ops.slice(start, end + 1);
    const oldStart = ops[start]!.oldLine;
    const newStart = ops[start]!.newLine;
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${oldStart + 1},${oldCount} +${newStart + 1},${newCount} @@`);
    for (const op of hunk) out.push(`${op.kind}${op.text}`);
    i = end + 1;
  }
  return `${out.join('\n')}\n`;
}

interface DiffOp {
  kind: ' ' | '-' | '+';
  text: string;
  /** Index of the old line (for '+': of the next old line). */
  oldLine: number;
  newLine: number;
}

function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  // Common prefix and suffix first: formatting changes few lines.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const ops: DiffOp[] = [];
  for (let k = 0; k < prefix; k++) ops.push({ kind: ' ', text: a[k]!, oldLine: k, newLine: k });
  const am = a.slice(prefix, a.length - suffix);
  const bm = b.slice(prefix, b.length - suffix);
  const n = am.length;
  const m = bm.length;
  if (n * m > MAX_DIFF_CELLS) {
    for (const [k, text] of am.entries()) ops.push({ kind: '-', text, oldLine: prefix + k, newLine: prefix });
    for (const [k, text] of bm.entries()) ops.push({ kind: '+', text, oldLine: prefix + n, newLine: prefix + k });
  } else {
    // Longest common subsequence, table from the end.
    const table = new Uint32Array((n + 1) * (m + 1));
    for (let x = n - 1; x >= 0; x--) {
      for (let y = m - 1; y >= 0; y--) {
        table[x * (m + 1) + y] =
          am[x] === bm[y]
            ? table[(x + 1) * (m + 1) + y + 1]! + 1
            : Math.max(table[(x + 1) * (m + 1) + y]!, table[x * (m + 1) + y + 1]!);
      }
    }
    let x = 0;
    let y = 0;
    while (x < n || y < m) {
      if (x < n && y < m && am[x] === bm[y]) {
        ops.push({ kind: ' ', text: am[x]!, oldLine: prefix + x, newLine: prefix + y });
        x++;
        y++;
      } else if (x < n && (y === m || table[(x + 1) * (m + 1) + y]! >= table[x * (m + 1) + y + 1]!)) {
        ops.push({ kind: '-', text: am[x]!, oldLine: prefix + x, newLine: prefix + y });
        x++;
      } else {
        ops.push({ kind: '+', text: bm[y]!, oldLine: prefix + x, newLine: prefix + y });
        y++;
      }
    }
  }
  for (let k = suffix; k > 0; k--)
    ops.push({ kind: ' ', text: a[a.length - k]!, oldLine: a.length - k, newLine: b.length - k });
  return ops;
}
