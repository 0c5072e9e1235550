// The settings the language server and the CLI check with: the server-read settings of the one
// schema (settingsSchema.ts), with their defaults; the type is inferred from the schema.
import { readSettingValue } from './settingValue';
import {
  defaultValue,
  type ServerSettingKey,
  SETTING_KEYS,
  SETTINGS,
  type SettingKey,
  type SettingValue,
  settingName,
} from './settingsSchema';

export type { RuleSeverity } from './settingsSchema';

export type Settings = { -readonly [K in ServerSettingKey]: SettingValue<K> };

/** The keys of Settings, in schema order. */
export const SERVER_SETTING_KEYS = SETTING_KEYS.filter(
  (key): key is ServerSettingKey & SettingKey => SETTINGS[key].readBy === 'server',
);

export function defaultSettings(): Settings {
  const settings: Record<string, unknown> = {};
  for (const key of SERVER_SETTING_KEYS) settings[key] = defaultValue(key);
  return settings as Settings;
}

/**
 * Reads the `layerwise` section as the client sends it (nested objects: `{diagnostics: {enable}}`).
 * Values of the wrong type fall back to the default, so a bad setting never breaks the server.
 */
export function readSettings(section: unknown): Settings {
  const settings: Record<string, unknown> = {};
  for (const key of SERVER_SETTING_KEYS) settings[key] = readSettingValue(key, valueAt(section, key)).value;
  return settings as Settings;
}

/** The value under `diagnostics` -> `enable` for `layerwise.diagnostics.enable`. */
function valueAt(section: unknown, key: SettingKey): unknown {
  let value = section;
  for (const part of settingName(key).split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}
