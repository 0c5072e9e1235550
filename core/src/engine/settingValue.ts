// Reads one setting's value as the user wrote it, through the schema: a valid value is kept, a bad
// one falls back to the default, and a record or list keeps its valid entries. Each bad value is
// named in a problem ("diagnostics.rules.A" must be one of off, info, warning, error, not "loud"),
// so a bad setting never breaks anything and the user can still be told why it was ignored.
import * as v from 'valibot';
import { shapeOf } from './schemaShape';
import { defaultValue, type SettingKey, type SettingValue, SETTINGS, settingName } from './settingsSchema';

export interface ReadSetting<T> {
  readonly value: T;
  /** Why part or all of the value was ignored, in English; empty when it was valid. */
  readonly problems: string[];
}

/**
 * `raw` as a value of `key` (undefined: the default). `shownName` names it in problems
 * (the name under the `layerwise` section by default).
 */
export function readSettingValue<K extends SettingKey>(
  key: K,
  raw: unknown,
  shownName: string = settingName(key),
): ReadSetting<SettingValue<K>> {
  if (raw === undefined) return { value: defaultValue(key), problems: [] };
  const schema: v.GenericSchema = SETTINGS[key].schema;
  const shape = shapeOf(schema);
  const problems: string[] = [];
  if (shape.kind === 'record' && shape.key && shape.value && isRecord(raw)) {
    const value: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(raw)) {
      const entryKey = v.safeParse(shape.key, name);
      const entry = v.safeParse(shape.value, item);
      if (entryKey.success && entry.success) value[entryKey.output as string] = entry.output;
      else problems.push(mustBe(`${shownName}.${name}`, entryKey.success ? shape.value : shape.key, item));
    }
    return { value: value as SettingValue<K>, problems };
  }
  if (shape.kind === 'array' && shape.item && Array.isArray(raw)) {
    const value: unknown[] = [];
    raw.forEach((item: unknown, index) => {
      const entry = v.safeParse(shape.item!, item);
      if (entry.success) value.push(entry.output);
      else problems.push(mustBe(`${shownName}[${index}]`, shape.item!, item));
    });
    return { value: value as SettingValue<K>, problems };
  }
  const result = v.safeParse(schema, raw);
  if (result.success) return { value: result.output as SettingValue<K>, problems };
  return { value: defaultValue(key), problems: [mustBe(shownName, schema, raw)] };
}

function mustBe(name: string, schema: v.GenericSchema, value: unknown): string {
  return `"${name}" must be ${describeExpected(schema)}, not ${shown(value)}`;
}

/** What a valid value is, in English words: "one of off, info, warning, error", "a whole number from 0 to 16". */
function describeExpected(schema: v.GenericSchema): string {
  const shape = shapeOf(schema);
  switch (shape.kind) {
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a string';
    case 'picklist':
      return `one of ${(shape.options ?? []).join(', ')}`;
    case 'number': {
      const what = shape.integer ? 'a whole number' : 'a number';
      if (shape.minimum !== undefined && shape.maximum !== undefined)
        return `${what} from ${shape.minimum} to ${shape.maximum}`;
      if (shape.minimum !== undefined) return `${what} of at least ${shape.minimum}`;
      if (shape.maximum !== undefined) return `${what} of at most ${shape.maximum}`;
      return what;
    }
    case 'nullable':
      return `${describeExpected(shape.wrapped!)} or null`;
    case 'array':
      return `a list, each item ${describeExpected(shape.item!)}`;
    default:
      return 'an object';
  }
}

/** A value as the user wrote it, cut short: messages quote it, and it may be huge. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
