// Words as the builder uses them. BuildKit runs each word of COPY, ADD, WORKDIR, USER, VOLUME,
// EXPOSE, STOPSIGNAL, ... through its shell lexer (frontend/dockerfile/shell/lex.go,
// ProcessWord) before using it: quotes removed, escapes applied, variables expanded. Exec-form
// (JSON) strings are decoded first and then go through the same lexer. Rules judge these
// values, never the text as written, and edit the written text through `appendAt`.
import type { Instruction, Position, Range, Word } from './syntax';
import { scanVariables } from './variables';
import { unquote } from './words';

/** Expands a word as written (quotes and escapes included); undefined when a value is unknown. */
export type WordExpander = (raw: string) => string | undefined;

export interface ProcessedWord {
  /** The word as the parser keeps it: `raw` as written, `range` in the document. */
  word: Word;
  range: Range;
  /** What the lexer reads: the text as written, or the decoded JSON string in exec form. */
  lexed: string;
  /** Quotes removed and escapes applied; variable references kept as written (`$HOME/x`). */
  value: string;
  /** The word holds a reference the builder expands (not one in single quotes or escaped). */
  hasVariable: boolean;
  /** The value with references expanded: `value` when there are none, undefined when unknown. */
  expanded: string | undefined;
  /** A quote is opened and never closed (the builder stops with an error). */
  unterminated: boolean;
  /**
   * Where text appended to the value must be written so the builder reads it at the end: before
   * a closing quote (`"baz"` -> `"baz/"`). Undefined when no single place does that.
   */
  appendAt: Position | undefined;
}

/** Reads one word; `exec` when it is a JSON string of the exec form. */
export function processWord(word: Word, escape: string, exec: boolean, expand?: WordExpander): ProcessedWord {
  // The parser keeps an exec-form word's decoded JSON string as its `value`.
  const lexed = exec ? word.value : word.raw;
  const value = unquote(lexed, escape);
  const hasVariable = lexed.includes('$') && scanVariables(lexed, 0, lexed.length, escape, true).length > 0;
  const unterminated = endsInsideQuote(lexed, escape);
  const expanded = !hasVariable ? value : expand ? expand(lexed) : undefined;
  return {
    word,
    range: word.range,
    lexed,
    value,
    hasVariable,
    expanded,
    unterminated,
    appendAt: appendPosition(word, lexed, exec, escape, unterminated),
  };
}

/** The instruction's arguments after the flags, read as the builder reads them. */
export function processedArguments(instruction: Instruction, escape: string, expand?: WordExpander): ProcessedWord[] {
  const exec = instruction.exec !== undefined;
  return instruction.args.map((word) => processWord(word, escape, exec, expand));
}

/** COPY/ADD sources and destination, read as the builder reads them. */
export function processedCopyPaths(
  instruction: Instruction,
  escape: string,
  expand?: WordExpander,
): { sources: ProcessedWord[]; destination: ProcessedWord | undefined } {
  const exec = instruction.exec !== undefined;
  return {
    sources: (instruction.sources ?? []).map((word) => processWord(word, escape, exec, expand)),
    destination: instruction.destination && processWord(instruction.destination, escape, exec, expand),
  };
}

/**
 * The single argument of WORKDIR, USER, STOPSIGNAL, ... (the whole text after the flags, as
 * BuildKit reads it: `WORKDIR /a b` is the path "/a b").
 */
export function processedRest(
  instruction: Instruction,
  escape: string,
  expand?: WordExpander,
): ProcessedWord | undefined {
  if (instruction.exec) {
    const [first] = instruction.args;
    return first && processWord(first, escape, true, expand);
  }
  return instruction.rest && processWord(instruction.rest, escape, false, expand);
}

/** Whether the lexer is still inside a quote at the end of `text`. */
function endsInsideQuote(text: string, escape: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
    } else if (ch === escape) i++;
    else if (quote === '"') {
      if (ch === '"') quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
  }
  return quote !== undefined;
}

/** Index of the quote that closes the quoted part ending `text`, or -1 when text does not end in one. */
function closingQuoteAtEnd(text: string, escape: string): number {
  let quote: string | undefined;
  let lastClose = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === "'") {
      if (ch === "'") {
        quote = undefined;
        lastClose = i;
      }
    } else if (ch === escape) i++;
    else if (quote === '"') {
      if (ch === '"') {
        quote = undefined;
        lastClose = i;
      }
    } else if (ch === '"' || ch === "'") quote = ch;
  }
  return lastClose === text.length - 1 ? lastClose : -1;
}

function appendPosition(
  word: Word,
  lexed: string,
  exec: boolean,
  escape: string,
  unterminated: boolean,
): Position | undefined {
  if (unterminated) return undefined;
  const end = word.range.end;
  // A trailing escape character escapes nothing; what follows it would be escaped instead.
  if (lexed.endsWith(escape) && !lexed.endsWith(escape + escape)) return undefined;
  const beforeQuote = closingQuoteAtEnd(lexed, escape) >= 0;
  if (exec) {
    // Inside the JSON string, before its closing `"`; a lexer quote there is written `\"`.
    if (!word.raw.endsWith('"')) return undefined;
    if (beforeQuote) return lexed.endsWith('"') ? undefined : { line: end.line, character: end.character - 2 };
    return { line: end.line, character: end.character - 1 };
  }
  // The last character of a word is never a line continuation, so it sits on the end line.
  return beforeQuote ? { line: end.line, character: end.character - 1 } : end;
}
