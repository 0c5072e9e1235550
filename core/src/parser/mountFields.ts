// The fields of a `RUN --mount=` value, read as BuildKit reads them: one CSV record (commas split
// fields, a field that starts with `"` is quoted and `""` inside it is a quote), each field
// `key=value` split at its first `=`, the key lower-cased. Offsets are into the flag's value.
import type { MountSyntaxError } from './syntax';

export interface MountFieldSpan {
  /** The field with CSV quotes removed, as BuildKit's messages quote it. */
  text: string;
  /** Lower-cased, as BuildKit compares keys. */
  key: string;
  /** After the first `=`, CSV quotes removed; undefined for a bare key (`ro`, `required`). */
  value: string | undefined;
  /** The field as written, quotes included. */
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
  /** Set when the field has `=` (an empty value is an empty span after it). */
  valueStart: number | undefined;
  valueEnd: number | undefined;
}

export interface MountFieldSpans {
  /** The fields read, up to a syntax error when there is one. */
  fields: MountFieldSpan[];
  error: MountSyntaxError | undefined;
}

/** A CSV field's text and where each of its characters is in the value. */
interface CsvField {
  text: string;
  start: number;
  end: number;
  /** Offsets of the characters of `text`; undefined when unquoted (then character i is at contentStart + i). */
  offsets: number[] | undefined;
  contentStart: number;
}

export function splitMountFields(value: string): MountFieldSpans {
  let line = value;
  // Like BuildKit's reader, one trailing line break is allowed.
  if (line.endsWith('\r\n')) line = line.slice(0, -2);
  else if (line.endsWith('\n')) line = line.slice(0, -1);
  if (line === '') return { fields: [], error: 'empty' };
  const csv: CsvField[] = [];
  let error: MountSyntaxError | undefined;
  let i = 0;
  for (;;) {
    if (line[i] !== '"') {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      const text = line.slice(i, end);
      if (text.includes('"')) {
        error = 'bare-quote';
        break;
      }
      csv.push({ text, start: i, end, offsets: undefined, contentStart: i });
      if (comma < 0) break;
      i = comma + 1;
      continue;
    }
    const start = i;
    const offsets: number[] = [];
    let text = '';
    i++;
    let closed = false;
    while (i < line.length) {
      if (line[i] !== '"') {
        text += line[i];
        offsets.push(i);
        i++;
      } else if (line[i + 1] === '"') {
        text += '"';
        offsets.push(i);
        i += 2;
      } else {
        closed = true;
        i++;
        break;
      }
    }
    if (!closed || (i < line.length && line[i] !== ',')) {
      error = 'unterminated-quote';
      break;
    }
    csv.push({ text, start, end: i, offsets, contentStart: start + 1 });
    if (i >= line.length) break;
    i++;
  }
  return { fields: csv.map(keyValue), error };
}

function keyValue(field: CsvField): MountFieldSpan {
  const { text, offsets, contentStart } = field;
  const equals = text.indexOf('=');
  const keyEnd = equals < 0 ? text.length : equals;
  return {
    text,
    key: text.slice(0, keyEnd).toLowerCase(),
    value: equals < 0 ? undefined : text.slice(equals + 1),
    start: field.start,
    end: field.end,
    keyStart: offsetBefore(text.length, offsets, contentStart, 0),
    keyEnd: offsetAfter(text.length, offsets, contentStart, 0, keyEnd),
    valueStart: equals < 0 ? undefined : offsetBefore(text.length, offsets, contentStart, equals + 1),
    valueEnd: equals < 0 ? undefined : offsetAfter(text.length, offsets, contentStart, equals + 1, text.length),
  };
}

// Where characters of a CSV field's text are in the value: character i is at offsets[i] when the
// field was quoted, else at contentStart + i. (Plain functions, not closures: a value may hold
// hundreds of thousands of fields.)

/** The offset just before character `index`, or just after the last one when `index` is the length. */
function offsetBefore(length: number, offsets: number[] | undefined, contentStart: number, index: number): number {
  if (index < length) return offsets ? offsets[index]! : contentStart + index;
  if (length === 0) return contentStart;
  return (offsets ? offsets[length - 1]! : contentStart + length - 1) + 1;
}

/** The end of the characters [from, to): just after the last one, or where `from` is when there are none. */
function offsetAfter(
  length: number,
  offsets: number[] | undefined,
  contentStart: number,
  from: number,
  to: number,
): number {
  if (to <= from) return offsetBefore(length, offsets, contentStart, from);
  return (offsets ? offsets[to - 1]! : contentStart + to - 1) + 1;
}

/** What BuildKit keeps of a mount's options: for each, the last field that gives it a value. */
export interface KeptMountOptions<Field> {
  /** The last `type=` value, lower-cased; `bind` when none is given. */
  type: string;
  from: Field | undefined;
  source: Field | undefined;
  target: Field | undefined;
  id: Field | undefined;
}

/** One pass over the fields, later fields overriding earlier ones (and their aliases), as BuildKit reads them. */
export function keptMountOptions<Field extends { key: string; value: string | undefined }>(
  fields: readonly Field[],
): KeptMountOptions<Field> {
  let type: Field | undefined;
  const kept: Omit<KeptMountOptions<Field>, 'type'> = {
    from: undefined,
    source: undefined,
    target: undefined,
    id: undefined,
  };
  for (const field of fields) {
    if (field.value === undefined) continue;
    switch (field.key) {
      case 'type':
        type = field;
        break;
      case 'from':
      case 'id':
        kept[field.key] = field;
        break;
      case 'source':
      case 'src':
        kept.source = field;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        kept.target = field;
        break;
    }
  }
  return { type: type?.value?.toLowerCase() ?? 'bind', ...kept };
}

/** The mount type: the last `type=` value, lower-cased; `bind` when none is given. */
export function mountType(fields: readonly { key: string; value: string | undefined }[]): string {
  for (let i = fields.length - 1; i >= 0; i--) {
    const field = fields[i]!;
    if (field.key === 'type' && field.value !== undefined) return field.value.toLowerCase();
  }
  return 'bind';
}
