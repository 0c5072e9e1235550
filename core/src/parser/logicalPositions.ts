// Maps offsets inside a word of an instruction's logical text (continuations removed) back to
// source positions, using only the instruction's trivia: the word starts at its range, each
// continuation ends a physical piece, and the next piece starts at column 0 of the next line
// that is not a skipped comment or empty line. Pure; for consumers that re-read a word's text
// (the shell parser reads `rest` of RUN).
import { pieceAt } from './pieceIndex';
import type { Instruction, Position, Range, Word } from './syntax';

interface Piece {
  /** Offset in the word where the piece starts. */
  offset: number;
  line: number;
  character: number;
}

export interface OffsetMapper {
  position(offset: number, isEnd?: boolean): Position;
  range(start: number, end: number): Range;
}

export function wordOffsetMapper(instruction: Instruction, word: Word): OffsetMapper {
  const pieces: Piece[] = [{ offset: 0, line: word.range.start.line, character: word.range.start.character }];
  const skipped = new Set<number>();
  for (const trivia of instruction.trivia) if (trivia.kind !== 'continuation') skipped.add(trivia.range.start.line);
  for (const trivia of instruction.trivia) {
    if (trivia.kind !== 'continuation') continue;
    const last = pieces[pieces.length - 1]!;
    if (trivia.range.start.line < last.line) continue;
    if (trivia.range.start.line > last.line) break;
    const offset = last.offset + trivia.range.start.character - last.character;
    if (offset >= word.raw.length) break;
    let line = trivia.range.start.line + 1;
    while (skipped.has(line)) line++;
    pieces.push({ offset, line, character: 0 });
  }
  const starts = pieces.map((piece) => piece.offset);
  const position = (offset: number, isEnd = false): Position => {
    const piece = pieces[pieceAt(starts, offset, isEnd)]!;
    return { line: piece.line, character: piece.character + offset - piece.offset };
  };
  return { position, range: (start, end) => ({ start: position(start), end: position(end, end > start) }) };
}
