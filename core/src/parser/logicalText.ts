import { pieceAt } from './pieceIndex';
import type { Position, Range } from './syntax';

/**
 * The text BuildKit parses for one instruction: physical line pieces joined with their
 * continuation characters removed. Keeps a map back to physical positions so every node
 * built from logical offsets gets an exact source range.
 */
export class LogicalText {
  text = '';
  private readonly segmentStarts: number[] = [];
  private readonly segmentLines: number[] = [];
  private readonly segmentCharacters: number[] = [];

  constructor(private readonly positions: PositionSink) {}

  append(line: number, character: number, piece: string): void {
    this.segmentStarts.push(this.text.length);
    this.segmentLines.push(line);
    this.segmentCharacters.push(character);
    this.text += piece;
  }

  /**
   * Physical position of a logical offset. At a boundary between two pieces, a range start
   * belongs to the next piece and a range end to the previous one.
   */
  positionAt(offset: number, isEnd = false): Position {
    const starts = this.segmentStarts;
    if (starts.length === 0) return this.positions.position(0, 0);
    const index = pieceAt(starts, offset, isEnd);
    return this.positions.position(this.segmentLines[index]!, this.segmentCharacters[index]! + offset - starts[index]!);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end, end > start) };
  }
}

/** Creates positions and remembers them, so a parsed item can later be moved to other lines cheaply. */
export class PositionSink {
  readonly created: Position[] = [];

  position(line: number, character: number): Position {
    const position = { line, character };
    this.created.push(position);
    return position;
  }

  range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
    return { start: this.position(startLine, startCharacter), end: this.position(endLine, endCharacter) };
  }
}
