// The `key=value` fields of a `RUN --mount=...` flag with the source range of each value, so
// features can point at `from=<stage>` or `source=<path>` inside the flag.
import type { Flag, Range } from '../parser';

export interface MountField {
  /** Lower-cased key, quotes removed. */
  key: string;
  /** Value with surrounding quotes removed. */
  value: string;
  /** Range of the value (without quotes); undefined when the flag spans lines. */
  valueRange: Range | undefined;
}

/** Fields of a `--mount` flag value, split on commas outside quotes. */
export function mountFields(flag: Flag): MountField[] {
  if (flag.name.toLowerCase() !== 'mount') return [];
  const equals = flag.raw.indexOf('=');
  if (equals < 0) return [];
  const raw = flag.raw.slice(equals + 1);
  const range = flag.valueRange;
  const singleLine = range !== undefined && range.start.line === range.end.line && range.end.character - range.start.character === raw.length;
  const fields: MountField[] = [];
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i <= raw.length; i++) {
    const ch = raw[i];
    if (i < raw.length && quote !== undefined) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if (i < raw.length && ch !== ',') continue;
    const field = raw.slice(start, i);
    const fieldEquals = field.indexOf('=');
    if (fieldEquals > 0) {
      let valueStart = start + fieldEquals + 1;
      let valueEnd = i;
      while (valueStart < valueEnd && isQuote(raw[valueStart])) valueStart++;
      while (valueEnd > valueStart && isQuote(raw[valueEnd - 1])) valueEnd--;
      fields.push({
        key: stripQuotes(field.slice(0, fieldEquals)).trim().toLowerCase(),
        value: raw.slice(valueStart, valueEnd),
        valueRange: singleLine
          ? {
              start: { line: range.start.line, character: range.start.character + valueStart },
              end: { line: range.start.line, character: range.start.character + valueEnd },
            }
          : undefined,
      });
    }
    start = i + 1;
  }
  return fields;
}

const isQuote = (ch: string | undefined): boolean => ch === '"' || ch === "'";
const stripQuotes = (text: string): string => text.replace(/["']/g, '');
