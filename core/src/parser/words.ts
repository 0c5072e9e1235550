// Word splitting the way BuildKit's Dockerfile parser does it. All functions work on a
// logical text and return offsets into it, so callers can map them to source ranges.

export interface Span {
  start: number;
  end: number;
}

const isSpace = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';

export function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

export function trimEnd(text: string, end: number, from: number): number {
  let i = end;
  while (i > from && isSpace(text[i - 1])) i--;
  return i;
}

/** Whitespace-separated words with no quote handling (FROM, EXPOSE, shell-form COPY/ADD, VOLUME). */
export function splitOnWhitespace(text: string, from: number, to = text.length): Span[] {
  const spans: Span[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text[i])) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isSpace(text[i])) i++;
    spans.push({ start, end: i });
  }
  return spans;
}

/**
 * Quote-aware words (ARG, ENV, LABEL, heredoc detection): whitespace inside '...' or "..."
 * does not split, the escape character protects the next character. Quotes stay in the word.
 * `unterminated` is set when the text ends inside a quote.
 */
export function splitShellWords(
  text: string,
  escape: string,
  from: number,
  to = text.length,
): { words: Span[]; unterminated: boolean } {
  const words: Span[] = [];
  let i = from;
  let unterminated = false;
  while (i < to) {
    while (i < to && isSpace(text[i])) i++;
    if (i >= to) break;
    const start = i;
    let quote: string | undefined;
    while (i < to) {
      const ch = text[i]!;
      if (quote === undefined) {
        if (isSpace(ch)) break;
        if (ch === '"' || ch === "'") quote = ch;
        else if (ch === escape) i++;
      } else if (ch === quote) {
        quote = undefined;
      } else if (ch === escape && quote === '"') {
        i++;
      }
      i++;
    }
    if (quote !== undefined) unterminated = true;
    words.push({ start, end: Math.min(i, to) });
  }
  return { words, unterminated };
}

/**
 * Removes quotes and escapes as the builder's shell lexer does (no variable expansion).
 * In double quotes the escape character only escapes `"`, `$`, itself and a newline.
 */
export function unquote(raw: string, escape: string): string {
  if (!raw.includes('"') && !raw.includes("'") && !raw.includes(escape)) return raw;
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else out += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === escape && i + 1 < raw.length) {
        const next = raw[i + 1]!;
        if (next === '"' || next === '$' || next === escape) {
          out += next;
          i++;
        } else out += ch;
      } else out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === escape) {
      if (i + 1 < raw.length) out += raw[++i];
    } else out += ch;
  }
  return out;
}

export interface FlagSpan extends Span {
  /** Flag text with quotes and backslash escapes removed, starting with `--`. */
  text: string;
}

/**
 * Leading `--flag[=value]` words, as BuildKit's extractBuilderFlags reads them. A lone `--`
 * ends the flags. Returns the flags and the offset where the remaining arguments start.
 */
export function extractFlags(text: string, from: number, to = text.length): { flags: FlagSpan[]; restStart: number } {
  const flags: FlagSpan[] = [];
  let i = from;
  for (;;) {
    i = skipSpaces(text, i);
    if (i >= to || text[i] !== '-' || text[i + 1] !== '-') return { flags, restStart: Math.min(i, to) };
    const start = i;
    const word = readFlagWord(text, start, to);
    i = word.end;
    if (word.text === '--') return { flags, restStart: skipSpaces(text, i) };
    flags.push({ start, end: i, text: word.text });
  }
}

/**
 * Where each character of a flag's text (as `extractFlags` returns it) was written: the offset
 * in `text` of each one, for flags whose value is read further (`--mount`).
 */
export function flagTextOffsets(text: string, flag: Span): number[] {
  const offsets: number[] = [];
  readFlagWord(text, flag.start, flag.end, offsets);
  return offsets;
}

/**
 * One flag word from `start`: quotes removed, a backslash keeps the next character. With
 * `offsets`, records where each kept character is instead of building the text.
 */
function readFlagWord(text: string, start: number, to: number, offsets?: number[]): { text: string; end: number } {
  let value = '';
  let quote: string | undefined;
  let i = start;
  while (i < to) {
    const ch = text[i]!;
    if (quote === undefined && isSpace(ch)) break;
    if (quote === undefined && (ch === '"' || ch === "'")) quote = ch;
    else if (quote !== undefined && ch === quote) quote = undefined;
    else if (ch === '\\' && i + 1 < to) {
      i++;
      if (offsets) offsets.push(i);
      else value += text[i];
    } else if (ch !== '\\') {
      if (offsets) offsets.push(i);
      else value += ch;
    }
    i++;
  }
  return { text: value, end: i };
}

export interface JsonStringSpan extends Span {
  value: string;
}

/**
 * Exec form: the text (trimmed) must be a JSON array whose items are all strings. Returns the
 * string spans with their decoded values, or undefined when it is not (BuildKit then falls
 * back to shell form).
 */
export function parseJsonStringArray(
  text: string,
  from: number,
  to: number,
): { strings: JsonStringSpan[]; start: number; end: number } | undefined {
  const start = skipSpaces(text, from);
  const end = trimEnd(text, to, start);
  if (text[start] !== '[' || text[end - 1] !== ']') return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(text.slice(start, end));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || !decoded.every((item) => typeof item === 'string')) return undefined;
  const strings: JsonStringSpan[] = [];
  let i = start + 1;
  while (i < end && strings.length < decoded.length) {
    if (text[i] === '"') {
      const stringStart = i;
      i++;
      while (i < end && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      strings.push({ start: stringStart, end: i, value: decoded[strings.length] as string });
    } else i++;
  }
  return { strings, start, end };
}
