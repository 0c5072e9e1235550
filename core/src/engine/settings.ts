// The server's settings: one schema with defaults; the type is inferred from it.
// test/server/settings.test.ts keeps package.json `contributes.configuration` in sync.

export type RuleSeverity = 'off' | 'info' | 'warning' | 'error';

export const SETTINGS_SCHEMA = {
  'layerwise.diagnostics.enable': {
    type: 'boolean',
    default: true as boolean,
    description: 'Check Dockerfiles and report problems.',
  },
  'layerwise.diagnostics.rules': {
    type: 'object',
    default: {} as Record<string, RuleSeverity>,
    description: 'Severity per rule code, for example { "JSONArgsRecommended": "off" }.',
  },
  'layerwise.docs.language': {
    type: 'string',
    enum: ['auto', 'en', 'ko'],
    default: 'auto' as 'auto' | 'en' | 'ko',
    description:
      'Language of hover documentation, completion docs and messages. auto follows the VS Code display language.',
  },
  'layerwise.docs.detail': {
    type: 'string',
    enum: ['brief', 'full'],
    default: 'brief' as 'brief' | 'full',
    description:
      'How much a hover shows: brief shows what the instruction or flag does here and a link that opens the full page beside the editor; full shows the whole page in the hover.',
  },
  'layerwise.cache.layerHints': {
    type: 'boolean',
    default: true as boolean,
    description:
      "Show an inlay hint on each instruction that adds a layer: its number, what rebuilds it, and the last build's result.",
  },
  'layerwise.formatting.continuationIndent': {
    type: ['integer', 'null'],
    default: null as number | null,
    description:
      "Spaces before continuation lines and per level of shell nesting when formatting (0 to 16). Unset (null), the editor's indentation is used: its tab size in spaces, or tabs when the editor indents with tabs (VS Code's indentation settings, or .editorconfig through the EditorConfig extension).",
  },
  'layerwise.formatting.breakChains': {
    type: 'boolean',
    default: true as boolean,
    description:
      'When formatting, put each command of a `&&`, `||`, `|` or `;` chain of a multi-line or long RUN on its own line.',
  },
  'layerwise.formatting.maxLineLength': {
    type: 'integer',
    default: 100 as number,
    description:
      'When formatting, a one-line RUN longer than this has its chains broken one command per line (20 to 1000).',
  },
  'layerwise.inlayHints.variableValues': {
    type: 'boolean',
    default: true as boolean,
    description: 'Show the value of variables in FROM and in paths, where this Dockerfile determines it.',
  },
} as const;

type Schema = typeof SETTINGS_SCHEMA;
export type Settings = { -readonly [K in keyof Schema]: Schema[K]['default'] };

export function defaultSettings(): Settings {
  const settings: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(SETTINGS_SCHEMA)) settings[key] = structuredClone(spec.default);
  return settings as Settings;
}

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'info', 'warning', 'error']);

/**
 * Reads the `layerwise` section as the client sends it (nested objects). Values of the wrong
 * type fall back to the default, so a bad setting never breaks the server.
 */
export function readSettings(section: unknown): Settings {
  const settings = defaultSettings();
  const root = isRecord(section) ? section : {};
  const diagnostics = isRecord(root.diagnostics) ? root.diagnostics : {};
  const docs = isRecord(root.docs) ? root.docs : {};
  if (typeof diagnostics.enable === 'boolean') settings['layerwise.diagnostics.enable'] = diagnostics.enable;
  if (isRecord(diagnostics.rules)) {
    const rules: Record<string, RuleSeverity> = {};
    for (const [code, severity] of Object.entries(diagnostics.rules)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[code] = severity as RuleSeverity;
    }
    settings['layerwise.diagnostics.rules'] = rules;
  }
  const cache = isRecord(root.cache) ? root.cache : {};
  if (typeof cache.layerHints === 'boolean') settings['layerwise.cache.layerHints'] = cache.layerHints;
  const formatting = isRecord(root.formatting) ? root.formatting : {};
  const indent = formatting.continuationIndent;
  if (typeof indent === 'number' && Number.isInteger(indent) && indent >= 0 && indent <= 16)
    settings['layerwise.formatting.continuationIndent'] = indent;
  if (typeof formatting.breakChains === 'boolean')
    settings['layerwise.formatting.breakChains'] = formatting.breakChains;
  const maxLineLength = formatting.maxLineLength;
  if (
    typeof maxLineLength === 'number' &&
    Number.isInteger(maxLineLength) &&
    maxLineLength >= 20 &&
    maxLineLength <= 1000
  )
    settings['layerwise.formatting.maxLineLength'] = maxLineLength;
  const inlayHints = isRecord(root.inlayHints) ? root.inlayHints : {};
  if (typeof inlayHints.variableValues === 'boolean')
    settings['layerwise.inlayHints.variableValues'] = inlayHints.variableValues;
  if (docs.language === 'auto' || docs.language === 'en' || docs.language === 'ko')
    settings['layerwise.docs.language'] = docs.language;
  if (docs.detail === 'brief' || docs.detail === 'full') settings['layerwise.docs.detail'] = docs.detail;
  return settings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
