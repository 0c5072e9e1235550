// Instruction flags in one stable order. BuildKit reads flags into a table by name (its BFlags):
// which flag comes first never matters, a flag that takes one value cannot be repeated, and a
// repeatable one (`--mount`, `--exclude`) keeps its values in the order written, which can matter
// (a later mount covers an earlier one at the same target). So flags are sorted by name in the
// order of Docker's reference (the order of the instruction table), and repeated names keep their
// relative order (a stable sort). An instruction with a flag the table does not know keeps its order.
import { type Flag, flagsOf } from '../parser';

/** The flags in their stable order, or undefined when the order is kept (unknown keyword or flag). */
export function orderedFlags(keyword: string, flags: readonly Flag[]): Flag[] | undefined {
  const order = flagsOf(keyword).map((spec) => spec.name);
  if (order.length === 0 || flags.some((flag) => !order.includes(flag.name))) return undefined;
  // Array.prototype.sort is stable: repeated names keep their relative order.
  return [...flags].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}
