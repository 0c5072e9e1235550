// Line-based edits the cache rules' quick fixes share: the range of an instruction's first
// line, and moving whole instructions to another line.
import type { Instruction, Range } from '../../parser';
import type { TextEdit } from '../rule';

/** From the keyword to the end of the instruction's first line, without a trailing continuation. */
export function firstLineRange(instruction: Instruction, lines: readonly string[]): Range {
  const line = instruction.keywordRange.start.line;
  if (instruction.range.end.line === line) return { start: instruction.keywordRange.start, end: instruction.range.end };
  const end = withoutContinuation(lines[line] ?? '');
  return {
    start: instruction.keywordRange.start,
    end: { line, character: Math.max(end, instruction.keywordRange.end.character) },
  };
}

const isWhitespace = (ch: string): boolean => /\s/.test(ch);

/**
 * Where a line's text ends without its trailing blanks, one continuation character (`\` or
 * `` ` ``) and the blanks before it. Scans back from the end once (`/\s*[\\`]?\s*$/` tried
 * from every position is cubic on a long run of blanks).
 */
export function withoutContinuation(text: string): number {
  let end = text.length;
  while (end > 0 && isWhitespace(text[end - 1]!)) end--;
  if (end > 0 && (text[end - 1] === '\\' || text[end - 1] === '`')) end--;
  while (end > 0 && isWhitespace(text[end - 1]!)) end--;
  return end;
}

/** The instruction's whole lines, ending with a newline. */
export function instructionText(instruction: Instruction, lines: readonly string[]): string {
  return `${lines.slice(instruction.range.start.line, instruction.range.end.line + 1).join('\n')}\n`;
}

/** Deletes the instruction's whole lines. */
export function deleteInstruction(instruction: Instruction, lines: readonly string[]): TextEdit {
  const { start, end } = instruction.range;
  if (end.line + 1 < lines.length)
    return {
      range: { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } },
      newText: '',
    };
  // The last line of the file: take the newline before it instead.
  const before = Math.max(0, start.line - 1);
  const startCharacter = start.line === 0 ? 0 : (lines[before] ?? '').length;
  return {
    range: {
      start: { line: before, character: startCharacter },
      end: { line: end.line, character: (lines[end.line] ?? '').length },
    },
    newText: '',
  };
}

/** Inserts text at the start of a line. */
export function insertBeforeLine(line: number, text: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text };
}

/** Moves `instruction` to just before the line `beforeLine` (of another instruction). */
export function moveInstruction(instruction: Instruction, beforeLine: number, lines: readonly string[]): TextEdit[] {
  return [insertBeforeLine(beforeLine, instructionText(instruction, lines)), deleteInstruction(instruction, lines)];
}

/** The instructions strictly between two instructions of the same stage. */
export function between(instructions: readonly Instruction[], first: Instruction, last: Instruction): Instruction[] {
  const from = instructions.indexOf(first);
  const to = instructions.indexOf(last);
  return from < 0 || to < 0 ? [] : instructions.slice(from + 1, to);
}

/** Shown in messages: the first words of a command, e.g. `npm ci`. */
export function commandLabel(words: readonly string[]): string {
  const shown: string[] = [];
  for (const word of words) {
    if (shown.length >= 2 && word.startsWith('-')) break;
    shown.push(word);
    if (shown.length >= 3) break;
  }
  return shown.join(' ');
}

/** An instruction as a short label for messages: `COPY . .`. */
export function instructionLabel(instruction: Instruction): string {
  const text = `${instruction.keyword} ${instruction.argsText.replace(/\s+/g, ' ').trim()}`;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
