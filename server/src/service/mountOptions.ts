// The `key=value` options inside a `--mount=` value, each with its range, for hover, completion
// and stage references. The parser has read them (see `Flag.mount`); this only adapts the shape.
import type { Flag, Range } from '../../../core/src/parser';

export interface MountOption {
  /** Lower-cased. */
  key: string;
  /** After `=`, quotes removed; empty for a bare key. */
  value: string;
  /** The whole field as written. */
  range: Range;
  valueRange: Range | undefined;
}

/** The options of a `RUN --mount` flag (none for other flags); values over several lines included. */
export function mountOptions(flag: Flag, _lines?: readonly string[]): MountOption[] {
  return (flag.mount?.fields ?? []).map((field) => ({
    key: field.key,
    value: field.value ?? '',
    range: field.range,
    valueRange: field.valueRange,
  }));
}
