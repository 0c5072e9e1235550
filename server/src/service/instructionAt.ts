// Finding the instruction under the cursor by binary search over `tree.instructions`, which the
// parser keeps in source order. Hover and completion run on every keystroke of 10,000-line files.
import type { Dockerfile, Instruction, Position } from '../parser';
import { rangeContains } from './lspRange';

/** Index of the last instruction starting on or before `line`; -1 when none does. */
export function lastInstructionIndexAtOrBefore(tree: Dockerfile, line: number): number {
  const instructions = tree.instructions;
  let low = 0;
  let high = instructions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (instructions[middle]!.range.start.line <= line) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The instruction whose text (continuation lines and heredoc bodies included) holds `position`. */
export function instructionAt(tree: Dockerfile, position: Position): Instruction | undefined {
  const index = lastInstructionIndexAtOrBefore(tree, position.line);
  const instruction = index < 0 ? undefined : tree.instructions[index];
  return instruction && rangeContains(instruction.range, position) ? instruction : undefined;
}

/** The innermost instruction at `position`: the trigger when the cursor is on an ONBUILD trigger. */
export function innermostInstruction(instruction: Instruction, position: Position): Instruction {
  const trigger = instruction.trigger;
  return trigger && rangeContains(trigger.range, position) ? innermostInstruction(trigger, position) : instruction;
}
