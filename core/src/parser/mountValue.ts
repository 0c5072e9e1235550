// A `--mount` flag's value as syntax: its fields with exact source ranges (a value may run over
// continuation lines and hold quotes), and the options the builder keeps.
import type { LogicalText } from './logicalText';
import { keptMountOptions, type MountFieldSpan, splitMountFields } from './mountFields';
import type { MountField, MountValue } from './syntax';

/**
 * Reads `value` (the flag's value, quotes and escapes removed); `offsets[i]` is where its
 * character i is in the logical text.
 */
export function readMountValue(value: string, offsets: readonly number[], logical: LogicalText): MountValue {
  const { fields: spans, error } = splitMountFields(value);
  // Value offset -> logical offset. The end of the value maps to just after its last character.
  const startAt = (index: number): number =>
    index < offsets.length ? offsets[index]! : offsets.length > 0 ? offsets[offsets.length - 1]! + 1 : 0;
  const endAt = (index: number, from: number): number => (index > from ? offsets[index - 1]! + 1 : startAt(from));
  const range = (from: number, to: number) => logical.range(startAt(from), endAt(to, from));
  const fields = spans.map(
    (span: MountFieldSpan): MountField => ({
      text: span.text,
      key: span.key,
      value: span.value,
      range: range(span.start, span.end),
      keyRange: range(span.keyStart, span.keyEnd),
      valueRange: span.valueStart === undefined ? undefined : range(span.valueStart, span.valueEnd!),
    }),
  );
  return { fields, error, ...keptMountOptions(fields) };
}
