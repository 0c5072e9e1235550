// Positions and ranges in inline test documents, written as the text they point at.

export interface Pos {
  line: number;
  character: number;
}

export interface Rng {
  start: Pos;
  end: Pos;
}

/** Position of the `occurrence`-th `needle` in `text`, moved `delta` characters into it. */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 0): Pos {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" #${occurrence} not found`);
  }
  const before = text.slice(0, index + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** `text@line:character` for a range of a single line. */
export function showSpan(text: string, range: Rng): string {
  const line = text.split('\n')[range.start.line] ?? '';
  const covered =
    range.start.line === range.end.line
      ? line.slice(range.start.character, range.end.character)
      : `${line.slice(range.start.character)}…`;
  return `${covered}@${range.start.line}:${range.start.character}`;
}
