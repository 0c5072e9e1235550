// The `key=value` options inside a `--mount=` value, each with its range, for hover and completion.
import type { Flag, Range } from '../../../core/src/parser';

export interface MountOption {
  key: string;
  value: string;
  /** The whole `key=value`. */
  range: Range;
  valueRange: Range | undefined;
}

/**
 * Splits a mount value on commas. Positions are taken from the source line, so this handles
 * the usual single-line value; a value broken over lines yields no options.
 */
export function mountOptions(flag: Flag, lines: readonly string[]): MountOption[] {
  const valueRange = flag.valueRange;
  if (!valueRange || valueRange.start.line !== valueRange.end.line) return [];
  const line = valueRange.start.line;
  const text = (lines[line] ?? '').slice(valueRange.start.character, valueRange.end.character);
  const options: MountOption[] = [];
  let start = 0;
  for (const part of text.split(',')) {
    const from = valueRange.start.character + start;
    const equals = part.indexOf('=');
    const key = (equals < 0 ? part : part.slice(0, equals)).trim().toLowerCase();
    options.push({
      key,
      value: equals < 0 ? '' : part.slice(equals + 1),
      range: { start: { line, character: from }, end: { line, character: from + part.length } },
      valueRange:
        equals < 0
          ? undefined
          : { start: { line, character: from + equals + 1 }, end: { line, character: from + part.length } },
    });
    start += part.length + 1;
  }
  return options;
}
