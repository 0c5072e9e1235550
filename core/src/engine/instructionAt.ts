// Finding the instruction under the cursor by binary search over `tree.instructions`, which the
// parser keeps in source order. Hover and completion run on every keystroke of 10,000-line files.
import { type Dockerfile, type Instruction, type Position, rangeContains, type TopLevel } from '../parser';

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

/** Index of the first node (in source order, not overlapping) that ends on or after `line`; length when none. */
function firstEndingAtOrAfter(nodes: readonly { range: { end: { line: number } } }[], line: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle]!.range.end.line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first instruction that ends on or after `line`; instructions.length when none. */
function firstInstructionEndingAtOrAfter(tree: Dockerfile, line: number): number {
  return firstEndingAtOrAfter(tree.instructions, line);
}

/** The instruction whose lines (continuations and heredoc bodies included) hold `line`. */
export function instructionAtLine(tree: Dockerfile, line: number): Instruction | undefined {
  const instruction = tree.instructions[firstInstructionEndingAtOrAfter(tree, line)];
  return instruction && instruction.range.start.line <= line ? instruction : undefined;
}

/** Instructions that have at least one line in [fromLine, toLine]. */
export function instructionsInLines(tree: Dockerfile, fromLine: number, toLine: number): Instruction[] {
  const found: Instruction[] = [];
  for (let i = firstInstructionEndingAtOrAfter(tree, fromLine); i < tree.instructions.length; i++) {
    const instruction = tree.instructions[i]!;
    if (instruction.range.start.line > toLine) break;
    found.push(instruction);
  }
  return found;
}

/** The instruction itself and, for ONBUILD, its trigger (which has its own flags and words). */
export function withTrigger(instruction: Instruction): Instruction[] {
  return instruction.trigger ? [instruction, instruction.trigger] : [instruction];
}

/** The last line of the instruction's own text, before any heredoc body. */
export function lastTextLine(instruction: Instruction): number {
  const first = instruction.heredocs[0];
  if (first) {
    const bodyStart = first.bodyRange?.start.line ?? first.terminatorRange?.start.line;
    if (bodyStart !== undefined) return bodyStart - 1;
  }
  return instruction.range.end.line;
}

/** Directives, comments and instructions that have at least one line in [fromLine, toLine]. */
export function itemsInLines(tree: Dockerfile, fromLine: number, toLine: number): TopLevel[] {
  const items = tree.items;
  const found: TopLevel[] = [];
  for (let i = firstEndingAtOrAfter(items, fromLine); i < items.length && items[i]!.range.start.line <= toLine; i++)
    found.push(items[i]!);
  return found;
}
