import type { Position as LspPosition, Range as LspRange } from 'vscode-languageserver';
import type { Position, Range } from '../../../core/src/parser';
export { comparePositions, rangeContains } from '../../../core/src/parser';
export declare function toLspRange(range: Range): LspRange;
export declare function fromLspPosition(position: LspPosition): Position;
