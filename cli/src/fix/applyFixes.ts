// `layerwise check --fix`: the first mechanical fix of each finding (the one the editor offers
// first), applied pass after pass. Within a pass a fix whose edits overlap an edit already taken
// waits for the next pass, which checks the new text again; passes stop when nothing changes.
// Fixes that create or edit another file (a .dockerignore) are never applied: what the build
// context sends changes every COPY of the build, which a reviewer should decide, not a CI job.
// Nor are the fixes of hints: they are suggestions (a cache mount needs BuildKit and contradicts
// the `rm -rf /var/lib/apt/lists/*` another fix adds), offered one at a time in the editor.
import type { Position } from '../../../core/src/parser';
import type { Fix, Severity, TextEdit } from '../../../core/src/rules';

/** Enough for fixes that uncover others (a fix inside an instruction another fix rewrote). */
const MAX_FIX_PASSES = 10;

/** A finding as the fixer needs it: its rule code and the fixes the rule attached. */
export interface FixableFinding {
  code: string;
  severity: Severity;
  fixes: readonly Fix[];
}

export interface FixResult {
  text: string;
  /** How many fixes were applied, by rule code. */
  fixed: Map<string, number>;
  /** Fixes left out because they would create or edit another file, by rule code. */
  skippedOtherFiles: Map<string, number>;
}

/** Whether a fix changes only the Dockerfile it belongs to. */
export function changesOnlyThisFile(fix: Fix): boolean {
  return fix.createFile === undefined && (fix.fileEdits ?? []).length === 0 && fix.edits.length > 0;
}

/** Applies the fixes of `check(text)` until no fix applies or MAX_FIX_PASSES passes ran. */
export function fixText(text: string, check: (text: string) => readonly FixableFinding[]): FixResult {
  const fixed = new Map<string, number>();
  let skippedOtherFiles = new Map<string, number>();
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const skipped = new Map<string, number>();
    const offsets = lineOffsets(current);
    const candidates: { code: string; edits: PlacedEdit[] }[] = [];
    for (const finding of check(current)) {
      const fix = finding.fixes[0];
      if (fix === undefined || finding.severity === 'hint') continue;
      if (!changesOnlyThisFile(fix)) skipped.set(finding.code, (skipped.get(finding.code) ?? 0) + 1);
      else candidates.push({ code: finding.code, edits: placed(fix.edits, offsets) });
    }
    // What the last pass could not fix is what the user is told was left out.
    skippedOtherFiles = skipped;
    // In text order, a fix is taken when all its edits come after every edit taken before it
    // (linear in the number of fixes; one that interleaves with another waits for the next pass).
    candidates.sort((a, b) => a.edits[0]!.start - b.edits[0]!.start);
    const chosen: PlacedEdit[] = [];
    let last: PlacedEdit | undefined;
    for (const candidate of candidates) {
      if (last && !after(candidate.edits[0]!, last)) continue;
      if (candidate.edits.some((edit, i) => i > 0 && !after(edit, candidate.edits[i - 1]!))) continue;
      chosen.push(...candidate.edits);
      last = candidate.edits.at(-1);
      fixed.set(candidate.code, (fixed.get(candidate.code) ?? 0) + 1);
    }
    if (chosen.length === 0) break;
    const next = joinEdits(current, chosen);
    if (next === current) break;
    current = next;
  }
  return { text: current, fixed, skippedOtherFiles };
}

interface PlacedEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix's edits as offsets, in text order. */
function placed(edits: readonly TextEdit[], offsets: LineOffsets): PlacedEdit[] {
  return edits
    .map((edit) => ({
      start: offsetOf(offsets, edit.range.start),
      end: offsetOf(offsets, edit.range.end),
      newText: edit.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether `edit` lies after `before`; two edits meeting at an insertion point would leave their order to a guess. */
function after(edit: PlacedEdit, before: PlacedEdit): boolean {
  if (edit.start > before.end) return true;
  return edit.start === before.end && edit.start !== edit.end && before.start !== before.end;
}

/** The text with edits in text order (not overlapping) applied, built in one pass. */
function joinEdits(text: string, edits: readonly PlacedEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.newText);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Applies non-overlapping edits (positions in `text`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return joinEdits(text, placed(edits, lineOffsets(text)));
}

/** Each line's first offset and the offset of its line break; breaks are \r\n, \r or \n, as the parser reads them. */
interface LineOffsets {
  starts: number[];
  ends: number[];
}

function lineOffsets(text: string): LineOffsets {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 13 && ch !== 10) continue;
    ends.push(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    starts.push(i + 1);
  }
  ends.push(text.length);
  return { starts, ends };
}

/** A position as an offset; past the end of its line (or of the text), clamped there. */
function offsetOf(offsets: LineOffsets, position: Position): number {
  const line = Math.min(position.line, offsets.starts.length - 1);
  if (position.line > line) return offsets.ends[line]!;
  return Math.min(offsets.starts[line]! + position.character, offsets.ends[line]!);
}
