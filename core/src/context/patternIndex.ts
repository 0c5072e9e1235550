// Which of many patterns can match a path at all, found without trying each one: every pattern
// names strings that any path it matches must contain (its literal text, the literal runs of
// its expression); the index files the pattern under one short piece of one of them, the piece
// the fewest patterns share, and a path looks up each of its own short substrings. A pattern
// with nothing literal (`*`, `**/*`) is a candidate for every path. The cost per path is the
// path's length times the piece length, plus the candidates found.

/** Pieces are at most this many UTF-16 units long. */
const PIECE = 4;

export class CandidateIndex {
  private readonly byPiece = new Map<string, number[]>();
  private readonly always: number[] = [];
  private readonly seen: Int32Array;
  private query = 0;

  /** `required[i]`: strings every path pattern i matches contains (empty: none known). */
  constructor(required: readonly (readonly string[])[]) {
    this.seen = new Int32Array(required.length);
    const options = required.map((strings) => strings.filter((s) => s !== '').flatMap(pieces));
    const shared = new Map<string, number>();
    for (const list of options) for (const piece of new Set(list)) shared.set(piece, (shared.get(piece) ?? 0) + 1);
    options.forEach((list, index) => {
      if (list.length === 0) {
        this.always.push(index);
        return;
      }
      let best = list[0]!;
      for (const piece of list) if (shared.get(piece)! < shared.get(best)!) best = piece;
      const filed = this.byPiece.get(best);
      if (filed) filed.push(index);
      else this.byPiece.set(best, [index]);
    });
  }

  /** The indices of the patterns that may match `path` (or one of its prefixes), ascending. */
  candidates(path: string): number[] {
    const query = ++this.query;
    const found = this.always.slice();
    for (const index of found) this.seen[index] = query;
    for (let start = 0; start < path.length; start++) {
      for (let length = 1; length <= PIECE && start + length <= path.length; length++) {
        const filed = this.byPiece.get(path.slice(start, start + length));
        if (!filed) continue;
        for (const index of filed) {
          if (this.seen[index] === query) continue;
          this.seen[index] = query;
          found.push(index);
        }
      }
    }
    return found.sort((a, b) => a - b);
  }
}

/** Windows looked at per string: any one of them would do, a few give a choice. */
const MAX_WINDOWS = 32;

/** The pieces a string can be filed under: itself when short, else windows of PIECE units. */
function pieces(text: string): string[] {
  if (text.length <= PIECE) return [text];
  const out: string[] = [];
  for (let start = 0; start + PIECE <= text.length && out.length < MAX_WINDOWS; start++)
    out.push(text.slice(start, start + PIECE));
  return out;
}
