// The one place where syntax-tree positions become LSP positions and back. Both use 0-based
// lines and UTF-16 characters, so conversion is a structural copy; keeping it here means a
// future change of either side has one place to go.
import type { Position as LspPosition, Range as LspRange } from 'vscode-languageserver';
import type { Position, Range } from '../../../core/src/parser';

export { comparePositions, rangeContains } from '../../../core/src/parser';

export function toLspRange(range: Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export function fromLspPosition(position: LspPosition): Position {
  return { line: position.line, character: position.character };
}
