// What a valibot schema of a setting looks like from outside: its kind, allowed values, bounds and
// parts. Messages (settingValue.ts) and JSON Schema (settingsJsonSchema.ts) are both derived from
// it, so they cannot disagree with the validation itself.
import type * as v from 'valibot';

export interface SchemaShape {
  /** `boolean`, `string`, `number`, `picklist`, `nullable`, `array`, `record`, ... */
  readonly kind: string;
  /** picklist: the allowed values. */
  readonly options?: readonly string[];
  readonly integer: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  /** nullable: the schema of the non-null value. */
  readonly wrapped?: v.GenericSchema;
  /** array: each item's schema. */
  readonly item?: v.GenericSchema;
  /** record: each key's and each value's schema. */
  readonly key?: v.GenericSchema;
  readonly value?: v.GenericSchema;
}

interface Introspected {
  readonly type: string;
  readonly pipe?: readonly { readonly type: string; readonly requirement?: unknown }[];
  readonly options?: readonly string[];
  readonly wrapped?: v.GenericSchema;
  readonly item?: v.GenericSchema;
  readonly key?: v.GenericSchema;
  readonly value?: v.GenericSchema;
}

/** Actions that change a value without restricting it: nothing to describe. */
const TRANSFORMS: ReadonlySet<string> = new Set(['trim']);

/** The shape of `schema`; throws on a kind or action the settings do not use (so nothing is silently dropped). */
export function shapeOf(schema: v.GenericSchema): SchemaShape {
  const introspected = schema as unknown as Introspected;
  let integer = false;
  let minimum: number | undefined;
  let maximum: number | undefined;
  // The first entry of a pipe is the schema itself.
  for (const action of introspected.pipe?.slice(1) ?? []) {
    if (action.type === 'integer') integer = true;
    else if (action.type === 'min_value') minimum = action.requirement as number;
    else if (action.type === 'max_value') maximum = action.requirement as number;
    else if (!TRANSFORMS.has(action.type)) throw new Error(`settings schema: unsupported action ${action.type}`);
  }
  const { type: kind, options, wrapped, item, key, value } = introspected;
  if (!['boolean', 'string', 'number', 'picklist', 'nullable', 'array', 'record'].includes(kind))
    throw new Error(`settings schema: unsupported kind ${kind}`);
  return { kind, options, integer, minimum, maximum, wrapped, item, key, value };
}
