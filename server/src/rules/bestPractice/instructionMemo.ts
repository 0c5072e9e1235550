// Per-instruction memo for document rules: what a rule computes from one RUN alone is kept per
// parsed instruction, so an edit recomputes only the instructions it touched. Ranges are copied
// when stored and moved when the instruction moved, as the engine does for instruction rules.
import type { Instruction, Range } from '../../parser';
import type { Finding } from '../rule';
import { isShellParserReady } from '../../shell';

interface Entry<T> {
  line: number;
  value: T;
}

export type Shift<T> = (value: T, move: (range: Range) => Range) => T;

export function instructionMemo<T>(compute: (instruction: Instruction) => T, shift: Shift<T>): (instruction: Instruction) => T {
  const cache = new WeakMap<Instruction, Entry<T>>();
  return (instruction) => {
    const line = instruction.range.start.line;
    const entry = cache.get(instruction);
    if (entry && entry.line === line) return entry.value;
    const value = entry ? shift(entry.value, moveBy(line - entry.line)) : shift(compute(instruction), moveBy(0));
    // Nothing is kept from before the shell parser loaded (the server loads it before any check).
    if (isShellParserReady()) cache.set(instruction, { line, value });
    return value;
  };
}

const moveBy = (delta: number) => (range: Range): Range => ({
  start: { line: range.start.line + delta, character: range.start.character },
  end: { line: range.end.line + delta, character: range.end.character },
});

export const shiftFindings: Shift<Finding[]> = (findings, move) =>
  findings.map((finding) => ({
    ...finding,
    range: move(finding.range),
    fixes: finding.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ range: move(edit.range), newText: edit.newText })) })),
  }));

/** A per-RUN finding check, memoised. */
export const memoFindings = (check: (instruction: Instruction) => Finding[]): ((instruction: Instruction) => Finding[]) => instructionMemo(check, shiftFindings);
