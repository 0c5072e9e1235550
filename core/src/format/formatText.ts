// A whole text formatted at once (the CLI's `format` and tests): the document formatter's edits
// applied to the text.
import { AnalysedDocument } from '../engine/analysedDocument';
import { parseText } from '../parser';
import { type FormatOptions, formatLines } from './documentFormatter';

/** The whole text formatted (for the CLI and tests); a CRLF text stays CRLF. */
export function formatText(text: string, options: FormatOptions): string {
  const document = new AnalysedDocument('untitled:format', 0, text, parseText(text));
  const lines = document.lines;
  // The edits do not overlap: apply them front to back into one string.
  const edits = formatLines(document, options).sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  let out = '';
  let line = 0;
  let character = 0;
  for (const { range, newText } of edits) {
    while (line < range.start.line) {
      out += `${lines[line]!.slice(character)}\n`;
      line++;
      character = 0;
    }
    out += lines[line]!.slice(character, range.start.character) + newText;
    line = range.end.line;
    character = range.end.character;
  }
  for (; line < lines.length; line++, character = 0)
    out += lines[line]!.slice(character) + (line < lines.length - 1 ? '\n' : '');
  return text.includes('\r\n') ? out.replace(/\r?\n/g, '\r\n') : out;
}
