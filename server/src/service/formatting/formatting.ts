// The LSP face of core's document formatter (core/src/format/documentFormatter.ts): its
// protocol-free edits become LSP text edits.
import type { TextEdit } from 'vscode-languageserver';
import type { AnalysedDocument } from '../../../../core/src/engine/analysedDocument';
import {
  formatLines as formatDocumentLines,
  formatOnNewLine as formatDocumentOnNewLine,
  type FormatOptions,
  type LineEdit,
} from '../../../../core/src/format/documentFormatter';
import type { Position } from '../../../../core/src/parser';
import { toLspRange } from '../lspRange';

export {
  type EditorIndent,
  type FormatOptions,
  indentFor,
  MAX_WARM_SCRIPT,
  warmRunFormatting,
} from '../../../../core/src/format/documentFormatter';
export { formatText } from '../../../../core/src/format/formatText';

const toLspEdit = (edit: LineEdit): TextEdit => ({ range: toLspRange(edit.range), newText: edit.newText });

/** Edits for lines fromLine..toLine (inclusive); the whole document by default. */
export function formatLines(
  document: AnalysedDocument,
  options: FormatOptions,
  fromLine?: number,
  toLine?: number,
): TextEdit[] {
  return formatDocumentLines(document, options, fromLine, toLine).map(toLspEdit);
}

/** After Enter at the end of a continued line (see core's formatOnNewLine). */
export function formatOnNewLine(document: AnalysedDocument, position: Position, options: FormatOptions): TextEdit[] {
  return formatDocumentOnNewLine(document, position, options).map(toLspEdit);
}
