// Inline test documents mark the cursor with `¦`: returns the text without it and the position.
export interface Position {
  line: number;
  character: number;
}

export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('¦');
  if (offset < 0) throw new Error(`no cursor marker in ${JSON.stringify(marked)}`);
  const before = marked.slice(0, offset).split('\n');
  return {
    text: marked.slice(0, offset) + marked.slice(offset + 1),
    position: { line: before.length - 1, character: before[before.length - 1]!.length },
  };
}
