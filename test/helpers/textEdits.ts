// Applies LSP text edits to a text, as an editor would (edits must not overlap).
export interface TextEditLike {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export function applyEdits(text: string, edits: readonly TextEditLike[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    const start = offset(edit.range.start);
    const end = offset(edit.range.end);
    if (end > previousStart)
      throw new Error(`overlapping edits at ${edit.range.start.line}:${edit.range.start.character}`);
    result = result.slice(0, start) + edit.newText + result.slice(end);
    previousStart = start;
  }
  return result;
}
