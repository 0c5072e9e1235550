// Other linters' inline suppressions, so a file written for hadolint or droast keeps its silences.
// hadolint (src/Hadolint/Pragma.hs): `# hadolint ignore=DL3008,SC2086` silences the instruction on
// the very next line only (a blank line or another comment in between breaks it); `# hadolint
// global ignore=...` anywhere silences the whole file; `# hadolint stage ignore=...` the build stage
// below it. Words are case-sensitive, codes are made of D, L, S, C and digits, separated by commas
// with optional blanks, and a trailing `# note` is allowed; anything else voids the whole pragma.
// droast: `# droast ignore=DF001,DF065 reason="..." expires=2026-09-30` silences the next
// instruction (blank lines and other comments may sit between); `# droast global ignore=...` before
// the first instruction silences the file. A suppression whose `expires` date is invalid or past
// (UTC, valid through that day) silences nothing, as in droast.
import type { Dockerfile, Instruction } from '../parser';

export interface Suppressions {
  /** No pragma in the file: nothing to filter. */
  readonly empty: boolean;
  /** The other tools' codes (`DL3008`, `SC2086`, `DF001`) silenced at an instruction (undefined: the file only). */
  codesAt(instruction: Instruction | undefined): ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();
const HADOLINT = /^#[ \t]*hadolint[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=(.*)$/;
const HADOLINT_CODE = /^[DLSC0-9]+$/;
const DROAST = /^#[ \t]*droast[ \t]+(?:(global)[ \t]+)?ignore=([^ \t]*)(.*)$/i;
const DROAST_CODE = /^DF[0-9]+$/;
const EXPIRES = /(?:^|[ \t])expires=([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ \t]|$)/;
const EXPIRES_KEY = /(?:^|[ \t])expires=/;

interface StageScope {
  /** First line silenced (the line after the comment). */
  from: number;
  /** First line no longer silenced: the next FROM's; set once that FROM is seen. */
  to: number;
  codes: ReadonlySet<string>;
}

const cache = new WeakMap<Dockerfile, Suppressions>();
const droastOnlyCache = new WeakMap<Dockerfile, Suppressions>();

/**
 * The file's hadolint and droast suppressions, read once per parse. Without `hadolintPragmas` (hadolint's
 * `disable-ignore-pragma`), hadolint's pragmas of every scope silence nothing; droast's still do.
 */
export function inlineSuppressions(tree: Dockerfile, today: Date = new Date(), hadolintPragmas = true): Suppressions {
  const byTree = hadolintPragmas ? cache : droastOnlyCache;
  let found = byTree.get(tree);
  if (!found) {
    found = readSuppressions(tree, today, hadolintPragmas);
    byTree.set(tree, found);
  }
  return found;
}

/** The codes a `# hadolint [global|stage] ignore=` comment names; undefined when it is not one hadolint accepts. */
export function parseHadolintPragma(text: string): { scope: 'next' | 'global' | 'stage'; codes: string[] } | undefined {
  const match = HADOLINT.exec(text);
  if (!match) return undefined;
  const hash = match[2]!.indexOf('#');
  const list = hash < 0 ? match[2]! : match[2]!.slice(0, hash);
  const codes = list.split(',').map((code) => code.trim());
  if (!codes.every((code) => HADOLINT_CODE.test(code))) return undefined;
  const scope = match[1] === 'global' ? 'global' : match[1] === 'stage' ? 'stage' : 'next';
  return { scope, codes };
}

/** The codes a `# droast [global] ignore=` comment names; undefined when it is not one or it has expired. */
export function parseDroastPragma(text: string, today: Date): { global: boolean; codes: string[] } | undefined {
  const match = DROAST.exec(text);
  if (!match) return undefined;
  const codes = match[2]!.split(',').map((code) => code.trim().toUpperCase());
  if (!codes.every((code) => DROAST_CODE.test(code))) return undefined;
  const rest = match[3]!;
  if (EXPIRES_KEY.test(rest)) {
    const date = EXPIRES.exec(rest);
    if (!date || isPast(Number(date[1]), Number(date[2]), Number(date[3]), today)) return undefined;
  }
  return { global: match[1] !== undefined, codes };
}

/** The date is not a real one, or its whole UTC day is over. */
function isPast(year: number, month: number, day: number, today: Date): boolean {
  const end = Date.UTC(year, month - 1, day + 1);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return true;
  return today.getTime() >= end;
}

function readSuppressions(tree: Dockerfile, today: Date, hadolintPragmas: boolean): Suppressions {
  const global = new Set<string>();
  const byInstruction = new Map<Instruction, Set<string>>();
  const stages: StageScope[] = [];
  let open: StageScope | undefined;
  let previousComment: { line: number; codes: string[] } | undefined;
  let droastPending: string[] = [];
  let seenInstruction = false;
  const add = (instruction: Instruction, codes: readonly string[]): void => {
    const set = byInstruction.get(instruction) ?? new Set<string>();
    for (const code of codes) set.add(code);
    byInstruction.set(instruction, set);
  };
  for (const item of tree.items) {
    if (item.kind === 'comment') {
      const pragma = parseHadolintPragma(item.text);
      const hadolint = hadolintPragmas ? pragma : undefined;
      const line = item.range.start.line;
      previousComment = hadolint?.scope === 'next' ? { line, codes: hadolint.codes } : undefined;
      if (hadolint?.scope === 'global') for (const code of hadolint.codes) global.add(code);
      if (hadolint?.scope === 'stage') {
        if (open) open.to = line + 1;
        open = { from: line + 1, to: Number.MAX_SAFE_INTEGER, codes: new Set(hadolint.codes) };
        stages.push(open);
      }
      const droast = pragma ? undefined : parseDroastPragma(item.text, today);
      if (droast?.global && !seenInstruction) for (const code of droast.codes) global.add(code);
      else if (droast && !droast.global) droastPending.push(...droast.codes);
      continue;
    }
    if (item.kind !== 'instruction') continue;
    const start = item.range.start.line;
    // A stage pragma ends at the FROM that starts the next stage (not the one right below it).
    if (open && item.keyword === 'FROM' && start > open.from) {
      open.to = start;
      open = undefined;
    }
    if (previousComment && previousComment.line === start - 1) add(item, previousComment.codes);
    if (droastPending.length > 0) add(item, droastPending);
    previousComment = undefined;
    droastPending = [];
    seenInstruction = true;
  }
  const empty = global.size === 0 && byInstruction.size === 0 && stages.length === 0;
  return {
    empty,
    codesAt(instruction) {
      const own = instruction ? byInstruction.get(instruction) : undefined;
      const line = instruction?.range.start.line;
      const stage = line === undefined ? undefined : stages.filter((scope) => scope.from <= line && line < scope.to);
      if (!own && !stage?.length) return global.size > 0 ? global : NONE;
      const all = new Set(global);
      for (const code of own ?? []) all.add(code);
      for (const scope of stage ?? []) for (const code of scope.codes) all.add(code);
      return all;
    },
  };
}
