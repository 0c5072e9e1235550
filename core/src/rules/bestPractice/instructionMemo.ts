// Per-instruction memo for stage rules: what a rule computes from one RUN alone is kept per
// parsed instruction, so re-checking a stage recomputes only the instructions an edit touched.
// Ranges are copied when stored and moved when the instruction moved.
import type { Instruction } from '../../parser';
import type { Finding } from '../rule';
import { isShellParserReady } from '../../shell';
import { moveBy, type Move, moveFinding } from '../shiftFindings';

interface Entry<T> {
  line: number;
  value: T;
}

export type Shift<T> = (value: T, move: Move) => T;

export function instructionMemo<T>(
  compute: (instruction: Instruction) => T,
  shift: Shift<T>,
): (instruction: Instruction) => T {
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

/** A per-RUN finding check, memoised. */
export const memoFindings = (
  check: (instruction: Instruction) => Finding[],
): ((instruction: Instruction) => Finding[]) =>
  instructionMemo(check, (findings, move) => findings.map((finding) => moveFinding(finding, move)));
