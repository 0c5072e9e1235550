// Cached findings are kept with their own range objects (the tree's positions move in place
// when lines are added above) and moved by the line delta when the code they are about moved.
import type { Range } from '../parser';
import type { Finding, RuleFinding } from './rule';

export type Move = (range: Range) => Range;

export const moveBy =
  (delta: number): Move =>
  (range) => ({
    start: { line: range.start.line + delta, character: range.start.character },
    end: { line: range.end.line + delta, character: range.end.character },
  });

/** A copy of `finding` with fresh range objects moved by `move` (fixes and places in the Dockerfile included). */
export function moveFinding(finding: Finding, move: Move): Finding {
  const moved: Finding = {
    ...finding,
    range: move(finding.range),
    fixes: finding.fixes?.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ range: move(edit.range), newText: edit.newText })),
    })),
  };
  // Places in other files do not move with the Dockerfile.
  if (finding.related)
    moved.related = finding.related.map((place) =>
      place.path === undefined ? { ...place, range: move(place.range) } : place,
    );
  return moved;
}

/** A copy of a rule's finding with fresh range objects moved by `delta` lines. */
export function shiftRuleFinding({ rule, finding }: RuleFinding, delta: number): RuleFinding {
  return { rule, finding: moveFinding(finding, moveBy(delta)) };
}
