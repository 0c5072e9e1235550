// Every `layerwise.*` setting, described once: the shape of a valid value (a valibot schema), its
// default, its scope, who reads it, and whether `.layerwise.json` may set it. The server, the CLI
// and the client read values through it (settingValue.ts); scripts/generate-settings.ts writes
// package.json `contributes.configuration` and schemas/layerwise.schema.json from it.
// Descriptions live in package.nls.json / package.nls.ko.json under `config.<name>.description`
// (and `config.<name>.enumDescriptions.<value>`), named by descriptionKey below.
import * as v from 'valibot';

const RULE_SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];
const ruleSeveritySchema = v.picklist(RULE_SEVERITIES);

export function isRuleSeverity(value: unknown): value is RuleSeverity {
  return v.is(ruleSeveritySchema, value);
}

/** VS Code's configuration scopes we use: `machine` settings are never taken from a workspace. */
type SettingScope = 'machine' | 'window' | 'resource';

export interface SettingDefinition<TSchema extends v.GenericSchema = v.GenericSchema> {
  /** What a valid value is; a record or array is read entry by entry (bad entries dropped). */
  readonly schema: TSchema;
  readonly default: v.InferOutput<TSchema>;
  readonly scope: SettingScope;
  /** The language server gets it with the `layerwise` section; the client reads it itself. */
  readonly readBy: 'server' | 'client';
  /** `.layerwise.json` may set it too, nested as in the section: `{"diagnostics": {"enable": false}}`. */
  readonly inProjectFile?: boolean;
  /** Each allowed value has a description (`config.<name>.enumDescriptions.<value>`). */
  readonly describesValues?: boolean;
  /** It names a program, a daemon or arguments to run: an untrusted workspace's value is not used. */
  readonly restricted?: boolean;
}

function setting<TSchema extends v.GenericSchema, const TReader extends 'server' | 'client'>(
  definition: SettingDefinition<TSchema> & { readBy: TReader },
): SettingDefinition<TSchema> & { readonly readBy: TReader } {
  return definition;
}

/** The value types a label schema gives a label (hadolint's label-schema types). */
export const LABEL_TYPES = ['text', 'url', 'email', 'semver', 'hash', 'rfc3339', 'spdx'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

const trimmedString = v.pipe(v.string(), v.trim());
const argumentList = v.array(v.string());

/** In the order package.json lists them. */
export const SETTINGS = {
  'layerwise.trace.server': setting({
    schema: v.picklist(['off', 'messages', 'verbose']),
    default: 'off',
    scope: 'window',
    readBy: 'client',
  }),
  'layerwise.diagnostics.enable': setting({
    schema: v.boolean(),
    default: true,
    scope: 'resource',
    readBy: 'server',
    inProjectFile: true,
  }),
  'layerwise.diagnostics.rules': setting({
    schema: v.record(v.string(), ruleSeveritySchema),
    default: {},
    scope: 'resource',
    readBy: 'server',
    inProjectFile: true,
  }),
  'layerwise.diagnostics.allowedRegistries': setting({
    // Empty: any registry. `*` in an entry stands for any characters (`*.example.com`).
    schema: v.array(trimmedString),
    default: [],
    scope: 'resource',
    readBy: 'server',
    inProjectFile: true,
  }),
  'layerwise.diagnostics.labelSchema': setting({
    schema: v.record(v.string(), v.picklist(LABEL_TYPES)),
    default: {},
    scope: 'resource',
    readBy: 'server',
    inProjectFile: true,
  }),
  'layerwise.diagnostics.strictLabels': setting({
    schema: v.boolean(),
    default: false,
    scope: 'resource',
    readBy: 'server',
    inProjectFile: true,
  }),
  'layerwise.diagnostics.hadolintPragmas': setting({
    schema: v.boolean(),
    default: true,
    scope: 'resource',
    readBy: 'server',
    inProjectFile: true,
  }),
  'layerwise.docs.language': setting({
    schema: v.picklist(['auto', 'en', 'ko']),
    default: 'auto',
    scope: 'window',
    readBy: 'server',
    describesValues: true,
  }),
  'layerwise.docs.detail': setting({
    schema: v.picklist(['brief', 'full']),
    default: 'brief',
    scope: 'window',
    readBy: 'server',
    describesValues: true,
  }),
  'layerwise.formatting.continuationIndent': setting({
    // Unset (null): the editor's indentation.
    schema: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(16))),
    default: null,
    scope: 'resource',
    readBy: 'server',
  }),
  'layerwise.formatting.breakChains': setting({
    schema: v.boolean(),
    default: true,
    scope: 'resource',
    readBy: 'server',
  }),
  'layerwise.formatting.maxLineLength': setting({
    schema: v.pipe(v.number(), v.integer(), v.minValue(20), v.maxValue(1000)),
    default: 100,
    scope: 'resource',
    readBy: 'server',
  }),
  'layerwise.inlayHints.variableValues': setting({
    schema: v.boolean(),
    default: true,
    scope: 'resource',
    readBy: 'server',
  }),
  'layerwise.inlayHints.baseImage': setting({
    schema: v.boolean(),
    default: true,
    scope: 'resource',
    readBy: 'server',
  }),
  'layerwise.docker.path': setting({
    schema: trimmedString,
    default: 'docker',
    scope: 'machine',
    readBy: 'client',
    restricted: true,
  }),
  'layerwise.docker.context': setting({
    schema: trimmedString,
    default: '',
    scope: 'machine',
    readBy: 'client',
    restricted: true,
  }),
  'layerwise.docker.env': setting({
    // Environment variables for every docker/podman process the client starts (DOCKER_BUILDKIT,
    // DOCKER_HOST, CONTAINER_HOST, ...): they choose the builder and the daemon, so machine-only.
    schema: v.record(v.string(), v.string()),
    default: {},
    scope: 'machine',
    readBy: 'client',
    restricted: true,
  }),
  'layerwise.build.context': setting({
    schema: trimmedString,
    default: '',
    scope: 'resource',
    readBy: 'client',
    restricted: true,
  }),
  'layerwise.build.extraArgs': setting({
    schema: argumentList,
    default: [],
    scope: 'resource',
    readBy: 'client',
    restricted: true,
  }),
  'layerwise.run.extraArgs': setting({
    schema: argumentList,
    default: [],
    scope: 'resource',
    readBy: 'client',
    restricted: true,
  }),
  'layerwise.build.platform': setting({
    schema: trimmedString,
    default: '',
    scope: 'resource',
    readBy: 'client',
  }),
  'layerwise.cache.layerHints': setting({
    schema: v.boolean(),
    default: true,
    scope: 'resource',
    readBy: 'server',
  }),
} as const;

type Definitions = typeof SETTINGS;
export type SettingKey = keyof Definitions;
/** The value of a setting once read (defaults filled in, strings trimmed). */
export type SettingValue<K extends SettingKey> = v.InferOutput<Definitions[K]['schema']>;
export type ServerSettingKey = {
  [K in SettingKey]: Definitions[K]['readBy'] extends 'server' ? K : never;
}[SettingKey];

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The package.nls key of a setting's description. */
export function descriptionKey(key: SettingKey): string {
  return `config.${settingName(key)}.description`;
}

/** The package.nls key of the description of one allowed value. */
export function valueDescriptionKey(key: SettingKey, value: string): string {
  return `config.${settingName(key)}.enumDescriptions.${value}`;
}

/** `layerwise.diagnostics.rules` -> `diagnostics.rules`: the name under the `layerwise` section. */
export function settingName(key: SettingKey): string {
  return key.slice('layerwise.'.length);
}

/** A copy of the default, so nobody can change the one in the schema. */
export function defaultValue<K extends SettingKey>(key: K): SettingValue<K> {
  return structuredClone(SETTINGS[key].default) as SettingValue<K>;
}
