// A setting's valibot schema as JSON Schema, for VS Code: package.json `contributes.configuration`
// and schemas/layerwise.schema.json (both written by scripts/generate-settings.ts).
import type * as v from 'valibot';
import { shapeOf } from './schemaShape';

export type JsonSchema = { [keyword: string]: unknown };

export function jsonSchemaOf(schema: v.GenericSchema): JsonSchema {
  const shape = shapeOf(schema);
  switch (shape.kind) {
    case 'boolean':
    case 'string':
      return { type: shape.kind };
    case 'picklist':
      return { type: 'string', enum: [...(shape.options ?? [])] };
    case 'number':
      return {
        type: shape.integer ? 'integer' : 'number',
        ...(shape.minimum === undefined ? {} : { minimum: shape.minimum }),
        ...(shape.maximum === undefined ? {} : { maximum: shape.maximum }),
      };
    case 'nullable': {
      const { type, ...rest } = jsonSchemaOf(shape.wrapped!);
      return { type: [type, 'null'].flat(), ...rest };
    }
    case 'array':
      return { type: 'array', items: jsonSchemaOf(shape.item!) };
    default:
      return { type: 'object', additionalProperties: jsonSchemaOf(shape.value!) };
  }
}
