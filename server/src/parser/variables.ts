// Finds `$NAME` and `${NAME<modifier>word}` references, as the builder's shell lexer reads them.

export interface VariableSpan {
  name: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  braced: boolean;
  modifier: string | undefined;
  modifierWord: string | undefined;
  malformed: string | undefined;
}

const MODIFIERS = [':-', ':+', ':?', '##', '%%', '//', '-', '+', '?', '#', '%', '/'];

const isNameStart = (ch: string | undefined): boolean => ch !== undefined && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '_');
const isNameChar = (ch: string | undefined): boolean => isNameStart(ch) || (ch !== undefined && ch >= '0' && ch <= '9');

/**
 * Scans text[from, to). Single-quoted text is skipped when `singleQuotesAreLiteral` (shell
 * semantics); the escape character hides the next character (`\$HOME` is no reference).
 */
export function scanVariables(text: string, from: number, to: number, escape: string, singleQuotesAreLiteral: boolean): VariableSpan[] {
  const found: VariableSpan[] = [];
  let inDouble = false;
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    if (ch === escape) {
      i += 2;
      continue;
    }
    if (ch === '"') inDouble = !inDouble;
    else if (ch === "'" && singleQuotesAreLiteral && !inDouble) {
      const close = text.indexOf("'", i + 1);
      i = close < 0 || close >= to ? to : close + 1;
      continue;
    } else if (ch === '$') {
      const reference = readReference(text, i, to, escape);
      if (reference) {
        found.push(reference.span);
        found.push(...reference.nested);
        i = reference.span.end;
        continue;
      }
    }
    i++;
  }
  return found;
}

function readReference(text: string, dollar: number, to: number, escape: string): { span: VariableSpan; nested: VariableSpan[] } | undefined {
  const next = text[dollar + 1];
  if (isNameStart(next)) {
    let end = dollar + 2;
    while (end < to && isNameChar(text[end])) end++;
    const span: VariableSpan = {
      name: text.slice(dollar + 1, end),
      start: dollar,
      end,
      nameStart: dollar + 1,
      nameEnd: end,
      braced: false,
      modifier: undefined,
      modifierWord: undefined,
      malformed: undefined,
    };
    return { span, nested: [] };
  }
  if (next !== '{') return undefined;
  const nameStart = dollar + 2;
  let nameEnd = nameStart;
  while (nameEnd < to && isNameChar(text[nameEnd])) nameEnd++;
  const name = text.slice(nameStart, nameEnd);
  const close = findClosingBrace(text, nameEnd, to, escape);
  const end = close < 0 ? to : close + 1;
  const span: VariableSpan = { name, start: dollar, end, nameStart, nameEnd, braced: true, modifier: undefined, modifierWord: undefined, malformed: undefined };
  if (close < 0) {
    span.malformed = 'missing closing brace';
    return { span, nested: [] };
  }
  if (name === '' || !isNameStart(name[0])) {
    span.malformed = name === '' ? 'missing variable name' : `invalid variable name "${name}"`;
    return { span, nested: [] };
  }
  if (nameEnd === close) return { span, nested: [] };
  const modifier = MODIFIERS.find((m) => text.startsWith(m, nameEnd));
  if (modifier === undefined) {
    span.malformed = `unsupported modifier "${text[nameEnd]}"`;
    return { span, nested: [] };
  }
  span.modifier = modifier;
  const wordStart = nameEnd + modifier.length;
  span.modifierWord = text.slice(wordStart, close);
  return { span, nested: scanVariables(text, wordStart, close, escape, false) };
}

/** Index of the `}` closing a `${` whose body starts at `from`, skipping nested `${...}`; -1 when unclosed. */
export function findClosingBrace(text: string, from: number, to: number, escape: string): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === escape) i++;
    else if (ch === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
