// Reads the Markdown tables in our docs, whose first column names the things a row documents
// (`type=cache` keys, `--network` values, ...). Tables are the data behind key hovers and value completion.

export interface TableRow {
  /** The backticked names in the first cell (`target`, `dst`, `destination`). */
  names: string[];
  /** The other cells, as written. */
  cells: string[];
  /** The header cells of the table the row belongs to. */
  header: string[];
}

const splitCells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

/** Every body row of every table in `markdown`. */
export function tableRows(markdown: string): TableRow[] {
  const rows: TableRow[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|[\s|:-]+$/.test(lines[i + 1]!)) continue;
    const header = splitCells(lines[i]!);
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) {
      const [first = '', ...cells] = splitCells(lines[j]!);
      const names = [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      rows.push({ names, cells, header });
    }
    i = j - 1;
  }
  return rows;
}
