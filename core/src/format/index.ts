// The public entry of the formatter: protocol-free edits for a document, or a whole text formatted.
export { formatText } from './formatText';
