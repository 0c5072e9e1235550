// Document, range and on-type formatting over the cached parse: instruction lines get the
// edits of instructionFormatter.ts, blank lines lose their whitespace, comments, directives
// and heredoc bodies stay exactly as written. Formatting its own output changes nothing.
import type { TextEdit } from 'vscode-languageserver';
import type { Position } from '../../parser';
import type { AnalysedDocument } from '../analysedDocument';
import { instructionsInLines } from '../instructionAt';
import { toLspRange } from '../lspRange';
import { formatInstruction, type IndentOptions, type LineEdit } from './instructionFormatter';

export interface FormatOptions {
  /** Spaces before the text of a continuation line. */
  continuationIndent: number;
  /** The editor's tab width, to compare the nesting of lines indented with tabs. */
  tabSize: number;
}

const indentOptions = (options: FormatOptions): IndentOptions => ({
  indent: ' '.repeat(Math.max(0, Math.min(16, Math.floor(options.continuationIndent)))),
  tabSize: Number.isInteger(options.tabSize) && options.tabSize > 0 ? options.tabSize : 4,
});

/** Edits for lines fromLine..toLine (inclusive); the whole document by default. */
export function formatLines(document: AnalysedDocument, options: FormatOptions, fromLine = 0, toLine = document.lines.length - 1): TextEdit[] {
  const { lines, tree } = document;
  const indent = indentOptions(options);
  const edits: LineEdit[] = [];
  let nextFreeLine = fromLine;
  const trimBlankLines = (upTo: number): void => {
    for (let line = nextFreeLine; line < upTo && line <= toLine; line++) {
      const text = lines[line]!;
      if (text !== '' && text.trim() === '') edits.push({ range: { start: { line, character: 0 }, end: { line, character: text.length } }, newText: '' });
    }
  };
  for (const instruction of instructionsInLines(tree, fromLine, toLine)) {
    trimBlankLines(instruction.range.start.line);
    for (const lineEdit of formatInstruction(lines, instruction, tree.escapeChar, indent).edits) {
      const line = lineEdit.range.start.line;
      if (line >= fromLine && line <= toLine) edits.push(lineEdit);
    }
    nextFreeLine = instruction.range.end.line + 1;
  }
  trimBlankLines(toLine + 1);
  return edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText }));
}

/**
 * After Enter at the end of a continued line: the new line gets the continuation indent and
 * the instruction's lines above it are formatted. Nothing happens inside a quoted value.
 */
export function formatOnNewLine(document: AnalysedDocument, position: Position, options: FormatOptions): TextEdit[] {
  const { lines, tree } = document;
  const previous = position.line - 1;
  if (previous < 0 || position.line >= lines.length) return [];
  const continuation = tree.escapeChar === '`' ? /`[ \t]*$/ : /\\[ \t]*$/;
  if (!continuation.test(lines[previous]!)) return [];
  const instruction = instructionsInLines(tree, previous, previous)[0];
  if (!instruction || instruction.range.start.line > previous) return [];
  if (instruction.trivia.some((t) => t.kind === 'comment' && t.range.start.line === previous)) return [];
  const indent = indentOptions(options);
  const above = formatInstruction(lines, instruction, tree.escapeChar, indent, previous);
  const edits = [...above.edits];
  const text = lines[position.line]!;
  let leading = 0;
  while (text[leading] === ' ' || text[leading] === '\t') leading++;
  // The new line continues at the level of the line above (the first level after the keyword line).
  const wanted = previous === instruction.range.start.line ? indent.indent : above.lastIndent;
  const keepsWordBreak = above.endsWithSpace || leading > 0 || leading === text.length;
  if (above.reindentable && !above.inQuote && keepsWordBreak && text.slice(0, leading) !== wanted) {
    edits.push({ range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: leading } }, newText: wanted });
  }
  return edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText }));
}
