// Compact renderings of syntax trees for assertions.
import type { Range } from '../../core/src/parser';

export function showRange(range: Range | undefined): string {
  return range ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}` : '-';
}

/** JSON of a tree with ranges written as `l:c-l:c`, for whole-tree equality checks. */
export function treeJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    key === 'range' || key.endsWith('Range') ? showRange(v as Range | undefined) : v,
  );
}

/** Asserts two strings are equal, reporting only the neighbourhood of the first difference. */
export function assertSameText(actual: string, expected: string, label = ''): void {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  const from = Math.max(0, i - 300);
  throw new Error(
    `${label} differs at ${i}:\n actual: …${actual.slice(from, i + 200)}\n expected: …${expected.slice(from, i + 200)}`,
  );
}
