// Finds `$NAME` and `${NAME<modifier>word}` references, as the builder's shell lexer reads them.
// One pass with an explicit stack, whatever the nesting: braces are matched first (one pass),
// then references are read frame by frame; a `${` inside MAX_VARIABLE_NESTING others is not
// read, and the reference holding it says so.

import type { LocalizedText } from './syntax';

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
  /** Set on a reference whose modifier word holds references nested deeper than MAX_VARIABLE_NESTING. */
  nestedTooDeep: boolean;
}

/** How many levels of `${` are read (and expanded); deeper references are skipped (and reported). */
export const MAX_VARIABLE_NESTING = 64;

const MODIFIERS = [':-', ':+', ':?', '##', '%%', '//', '-', '+', '?', '#', '%', '/'];

const isNameStart = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '_');
const isNameChar = (ch: string | undefined): boolean => isNameStart(ch) || (ch !== undefined && ch >= '0' && ch <= '9');

/** A stretch of text being scanned: the top level, or the modifier word of a reference. */
interface Frame {
  at: number;
  to: number;
  singleQuotesAreLiteral: boolean;
  inDouble: boolean;
  /** The reference whose word this is (undefined at the top level). */
  owner: VariableSpan | undefined;
  /** Where the owner's scan resumes once this word is done. */
  resume: number;
}

/**
 * Scans text[from, to). Single-quoted text is skipped when `singleQuotesAreLiteral` (shell
 * semantics); the escape character hides the next character (`\$HOME` is no reference).
 * References come outer first, each followed by those nested in its modifier word.
 */
export function scanVariables(
  text: string,
  from: number,
  to: number,
  escape: string,
  singleQuotesAreLiteral: boolean,
): VariableSpan[] {
  // Most instructions reference no variable: no brace matching, no walk.
  const dollar = text.indexOf('$', from);
  if (dollar < 0 || dollar >= to) return [];
  const closes = matchBraces(text, from, to, escape);
  const found: VariableSpan[] = [];
  const frames: Frame[] = [{ at: from, to, singleQuotesAreLiteral, inDouble: false, owner: undefined, resume: to }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.at >= frame.to) {
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) parent.at = frame.resume;
      continue;
    }
    const i = frame.at;
    const ch = text[i]!;
    if (ch === escape) {
      frame.at = i + 2;
      continue;
    }
    if (ch === '"') frame.inDouble = !frame.inDouble;
    else if (ch === "'" && frame.singleQuotesAreLiteral && !frame.inDouble) {
      const close = text.indexOf("'", i + 1);
      frame.at = close < 0 || close >= frame.to ? frame.to : close + 1;
      continue;
    } else if (ch === '$') {
      const span = readReference(text, i, frame.to, closes);
      if (span) {
        // Levels of `${`: those around the reference (one per frame above the top level), and its own.
        const levels = frames.length - 1 + (span.braced ? 1 : 0);
        if (levels > MAX_VARIABLE_NESTING) {
          frame.owner!.nestedTooDeep = true;
          frame.at = span.end;
          continue;
        }
        found.push(span);
        if (span.modifier !== undefined && span.end - 1 > span.nameEnd + span.modifier.length) {
          // Read the modifier word before going on after the reference.
          frame.at = span.end;
          frames.push({
            at: span.nameEnd + span.modifier.length,
            to: span.end - 1,
            singleQuotesAreLiteral: false,
            inDouble: false,
            owner: span,
            resume: span.end,
          });
        } else frame.at = span.end;
        continue;
      }
    }
    frame.at = i + 1;
  }
  for (const span of found) {
    if (span.nestedTooDeep) span.malformed ??= `variable references nested more than ${MAX_VARIABLE_NESTING} levels`;
  }
  return found;
}

/** Reads the reference at `dollar`, if there is one; `closes` maps each `${` to its `}`. */
function readReference(
  text: string,
  dollar: number,
  to: number,
  closes: Map<number, number>,
): VariableSpan | undefined {
  const next = text[dollar + 1];
  if (isNameStart(next)) {
    let end = dollar + 2;
    while (end < to && isNameChar(text[end])) end++;
    return span(text.slice(dollar + 1, end), dollar, end, dollar + 1, end, false);
  }
  if (next !== '{' || dollar + 1 >= to) return undefined;
  const nameStart = dollar + 2;
  let nameEnd = nameStart;
  while (nameEnd < to && isNameChar(text[nameEnd])) nameEnd++;
  const name = text.slice(nameStart, nameEnd);
  const close = closes.get(dollar) ?? -1;
  const found = span(name, dollar, close < 0 ? to : close + 1, nameStart, nameEnd, true);
  if (close < 0) {
    found.malformed = 'missing closing brace';
    return found;
  }
  if (name === '' || !isNameStart(name[0])) {
    found.malformed = name === '' ? 'missing variable name' : `invalid variable name "${name}"`;
    return found;
  }
  if (nameEnd === close) return found;
  const modifier = MODIFIERS.find((m) => text.startsWith(m, nameEnd));
  if (modifier === undefined) {
    found.malformed = `unsupported modifier "${text[nameEnd]}"`;
    return found;
  }
  found.modifier = modifier;
  found.modifierWord = text.slice(nameEnd + modifier.length, close);
  return found;
}

function span(
  name: string,
  start: number,
  end: number,
  nameStart: number,
  nameEnd: number,
  braced: boolean,
): VariableSpan {
  return {
    name,
    start,
    end,
    nameStart,
    nameEnd,
    braced,
    modifier: undefined,
    modifierWord: undefined,
    malformed: undefined,
    nestedTooDeep: false,
  };
}

/**
 * The `}` closing each `${` in text[from, to) (keyed by the `$`), in one pass with a stack.
 * A `${` whose `}` never comes is left out. Gives the same answer as `findClosingBrace`
 * started after each `${`.
 */
export function matchBraces(text: string, from: number, to: number, escape: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === escape) i++;
    else if (ch === '$' && text[i + 1] === '{' && i + 1 < to) {
      open.push(i);
      i++;
    } else if (ch === '}' && open.length > 0) closes.set(open.pop()!, i);
  }
  return closes;
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

/** The reason a `${...}` reference is malformed (`VariableSpan.malformed`), in both languages. */
export function malformedText(reason: string): LocalizedText {
  if (reason === 'missing closing brace') return { en: reason, ko: '닫는 중괄호 }가 없습니다' };
  if (reason === 'missing variable name') return { en: reason, ko: '변수 이름이 없습니다' };
  const quoted = reason.indexOf('"');
  const detail = quoted < 0 ? '' : reason.slice(quoted);
  if (reason.startsWith('invalid variable name '))
    return { en: reason, ko: `변수 이름이 올바르지 않습니다(${detail})` };
  if (reason.startsWith('unsupported modifier ')) return { en: reason, ko: `지원하지 않는 수정자입니다(${detail})` };
  if (reason.startsWith('variable references nested more than '))
    return { en: reason, ko: `변수 참조가 ${MAX_VARIABLE_NESTING}단계보다 깊게 중첩되어 있습니다` };
  return { en: reason, ko: reason };
}
