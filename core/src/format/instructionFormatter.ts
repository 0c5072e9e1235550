// Formatting edits for one instruction's own lines (heredoc bodies and terminators are never
// touched): the keyword upper case at the start of the line, one space after it, continuation
// lines indented consistently, trailing whitespace removed, comment lines left as written.
// Whitespace is only changed where BuildKit ignores it or where it separates words outside
// quotes, so what the Dockerfile builds stays the same.
import type { Instruction, Range } from '../parser';
import { INSTRUCTION_KEYWORDS } from '../parser';
import { lastTextLine } from '../engine/instructionAt';
import { QuoteState } from './quoteState';

export interface LineEdit {
  range: Range;
  newText: string;
}

const KNOWN_KEYWORDS: ReadonlySet<string> = new Set(INSTRUCTION_KEYWORDS);
/** Instructions whose argument keeps its inner whitespace as written (one literal value). */
const LITERAL_KEYWORDS: ReadonlySet<string> = new Set(['WORKDIR', 'USER', 'MAINTAINER', 'STOPSIGNAL', 'ONBUILD']);
const isBlankChar = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

export interface InstructionFormat {
  edits: LineEdit[];
  /** After the last line read: inside a quote? */
  inQuote: boolean;
  /** After the last line read: does the text so far end with whitespace? */
  endsWithSpace: boolean;
  /** Whether continuation lines of this instruction may be re-indented at all. */
  reindentable: boolean;
  /** The indentation the last line read has after formatting. */
  lastIndent: string;
}

export interface IndentOptions {
  /** Indentation of the first level of continuation lines. */
  indent: string;
  /** Columns a tab counts for when comparing nesting. */
  tabSize: number;
}

/** A continuation line whose leading whitespace may be replaced. */
interface IndentCandidate {
  line: number;
  leading: string;
  width: number;
}

const edit = (line: number, from: number, to: number, newText: string): LineEdit => ({
  range: { start: { line, character: from }, end: { line, character: to } },
  newText,
});

const widthOf = (whitespace: string, tabSize: number): number => {
  let width = 0;
  for (const ch of whitespace) width = ch === '\t' ? width - (width % tabSize) + tabSize : width + 1;
  return width;
};

/**
 * Edits for the instruction's text lines up to `untilLine` (inclusive). Continuation lines
 * start at `indent`; a line nested deeper than the shallowest one keeps its extra depth.
 */
export function formatInstruction(
  lines: readonly string[],
  instruction: Instruction,
  escape: string,
  options: IndentOptions,
  untilLine = Number.MAX_SAFE_INTEGER,
): InstructionFormat {
  const edits: LineEdit[] = [];
  const first = instruction.range.start.line;
  const last = Math.min(lastTextLine(instruction), untilLine, lines.length - 1);
  if (first === last && instruction.trivia.length === 0) {
    // One line, no continuation: most instructions; no quote tracking needed.
    const text = lines[first] ?? '';
    formatFirstLine(text, first, instruction, text.length, false, edits);
    trimTrailing(text, first, instruction.keywordRange.start.character, edits);
    return { edits, inQuote: false, endsWithSpace: false, reindentable: isReindentable(instruction), lastIndent: '' };
  }
  const triviaAt = new Map(instruction.trivia.map((t) => [t.range.start.line, t]));
  const quotes = new QuoteState(escape, instruction.exec !== undefined);
  const reindentable = isReindentable(instruction);
  const candidates: IndentCandidate[] = [];
  let endsWithSpace = true;
  let lastLeading = '';

  for (let line = first; line <= last; line++) {
    const text = lines[line] ?? '';
    const trivia = triviaAt.get(line);
    if (trivia?.kind === 'comment') continue;
    if (trivia?.kind === 'empty') {
      if (text !== '') edits.push(edit(line, 0, text.length, ''));
      continue;
    }
    const pieceEnd = trivia?.kind === 'continuation' ? trivia.range.start.character : text.length;
    let pieceStart = 0;
    lastLeading = '';
    if (line === first) {
      pieceStart = instruction.keywordRange.start.character;
      formatFirstLine(text, line, instruction, pieceEnd, trivia !== undefined, edits);
    } else {
      let leading = 0;
      while (isBlankChar(text[leading])) leading++;
      lastLeading = text.slice(0, leading);
      // Changing the whitespace must keep a word break where there is one, and add none.
      const keepsWordBreak = endsWithSpace || (leading > 0 && options.indent !== '');
      if (reindentable && !quotes.inQuote && keepsWordBreak)
        candidates.push({ line, leading: lastLeading, width: widthOf(lastLeading, options.tabSize) });
    }
    if (trivia?.kind === 'continuation') {
      const escapeEnd = pieceEnd + 1;
      if (text.length > escapeEnd) edits.push(edit(line, escapeEnd, text.length, ''));
    } else trimTrailing(text, line, pieceStart, edits);
    const piece = text.slice(pieceStart, pieceEnd);
    quotes.read(piece);
    if (piece !== '') endsWithSpace = isBlankChar(piece[piece.length - 1]);
  }

  const base = Math.min(...candidates.map((c) => c.width));
  for (const candidate of candidates) {
    const wanted = options.indent + ' '.repeat(candidate.width - base);
    if (candidate.leading !== wanted) edits.push(edit(candidate.line, 0, candidate.leading.length, wanted));
    if (candidate.line === last) lastLeading = wanted;
  }
  return { edits, inQuote: quotes.inQuote, endsWithSpace, reindentable, lastIndent: lastLeading };
}

function trimTrailing(text: string, line: number, from: number, edits: LineEdit[]): void {
  let end = text.length;
  while (end > from && isBlankChar(text[end - 1])) end--;
  if (end < text.length) edits.push(edit(line, end, text.length, ''));
}

function formatFirstLine(
  text: string,
  line: number,
  instruction: Instruction,
  pieceEnd: number,
  continued: boolean,
  edits: LineEdit[],
): void {
  const keyword = instruction.keywordRange;
  const bom = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (keyword.start.character > bom) edits.push(edit(line, bom, keyword.start.character, ''));
  if (!KNOWN_KEYWORDS.has(instruction.keyword)) return;
  if (instruction.keywordRaw !== instruction.keyword)
    edits.push(edit(line, keyword.start.character, keyword.end.character, instruction.keyword));
  if (keyword.end.line === line) {
    let next = keyword.end.character;
    while (isBlankChar(text[next])) next++;
    const argumentsFollow = next < pieceEnd || (continued && next === pieceEnd);
    if (argumentsFollow && text.slice(keyword.end.character, next) !== ' ')
      edits.push(edit(line, keyword.end.character, next, ' '));
  }
  // Words BuildKit reads case-insensitively, written the way the keyword is.
  for (const word of [instruction.asKeyword, instruction.healthcheckMode]) {
    if (!word || word.range.start.line !== word.range.end.line) continue;
    const upper = word.raw.toUpperCase();
    const isKeywordWord = word === instruction.asKeyword ? upper === 'AS' : upper === 'CMD' || upper === 'NONE';
    if (isKeywordWord && word.raw !== upper)
      edits.push(edit(word.range.start.line, word.range.start.character, word.range.end.character, upper));
  }
}

function isReindentable(instruction: Instruction): boolean {
  if (!KNOWN_KEYWORDS.has(instruction.keyword) || LITERAL_KEYWORDS.has(instruction.keyword)) return false;
  // Legacy `ENV name value with spaces`: the value is the rest of the text, spaces and all.
  return !(instruction.pairs ?? []).some((pair) => !pair.equals && pair.value !== undefined);
}
