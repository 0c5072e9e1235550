// The public entry of the formatter: protocol-free edits for a document, or a whole text formatted.
export {
  type EditorIndent,
  type FormatOptions,
  formatLines,
  formatOnNewLine,
  indentFor,
  type LineEdit,
  warmRunFormatting,
} from './documentFormatter';
export { formatText } from './formatText';
