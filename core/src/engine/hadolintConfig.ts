// `.hadolint.yaml` / `.hadolint.yml`, read so a team's hadolint settings apply in Layerwise too.
// hadolint's keys (src/Hadolint/Config/Configuration.hs): `ignored` and `override`
// {error, warning, info, style} name hadolint and ShellCheck codes, mapped onto every Layerwise
// rule that records the code among its equivalents; `failure-threshold` and `no-fail` give the
// CLI's fail level; `trustedRegistries`, `label-schema` and `strict-labels` give
// layerwise.diagnostics.allowedRegistries, labelSchema and strictLabels; `disable-ignore-pragma`
// gives layerwise.diagnostics.hadolintPragmas (true turns every `# hadolint ignore=` pragma off, as
// hadolint's Process.hs does); hadolint's own output options are not honoured and said once.
// hadolint itself ignores keys it does not know; so does this, with a note.
import type { FileAccess } from '../files/fileAccess';
import { nodeFiles } from '../files/nodeFileAccess';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { RULES, type Severity } from '../rules';
import { describeFileError } from './fileErrors';
import type { ProjectConfig } from './projectConfig';
import type { RuleSeverity, Settings } from './settings';
import { LABEL_TYPES, type LabelType } from './settingsSchema';

export const HADOLINT_CONFIG_FILES: readonly string[] = ['.hadolint.yaml', '.hadolint.yml'];

/** Larger files are not read: a real hadolint config is a few hundred bytes. */
export const MAX_HADOLINT_CONFIG_BYTES = 64 * 1024;

/** Deeper nesting is refused before parsing: the YAML library recurses (and can run out of memory) on it. */
const MAX_NESTING = 64;

const OVERRIDE_SEVERITY: Readonly<Record<string, RuleSeverity>> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  // Layerwise rule severities have no `style` (hint) level: info is the nearest.
  style: 'info',
};

const THRESHOLD: Readonly<Record<string, Severity | 'none'>> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'hint',
  ignore: 'none',
  none: 'none',
};

const MAPPED_KEYS = ['trustedRegistries', 'label-schema', 'strict-labels', 'disable-ignore-pragma'];
const OUTPUT_OPTIONS = ['no-color', 'verbose', 'format', 'formats'];

let rulesByCode: Map<string, string[]> | undefined;

/** Layerwise rule codes by hadolint / ShellCheck code, from every rule's equivalents. */
export function rulesForHadolintCode(code: string): readonly string[] {
  if (!rulesByCode) {
    rulesByCode = new Map();
    for (const rule of RULES) {
      for (const same of rule.equivalents) {
        if (same.tool !== 'hadolint' && same.tool !== 'shellcheck') continue;
        const id = same.id.toUpperCase();
        const codes = rulesByCode.get(id) ?? [];
        if (!codes.includes(rule.code)) codes.push(rule.code);
        rulesByCode.set(id, codes);
      }
    }
  }
  return rulesByCode.get(code.trim().toUpperCase()) ?? [];
}

/** Reads and maps one hadolint config; never throws. */
export function readHadolintConfig(path: string, files: FileAccess = nodeFiles): ProjectConfig {
  let text: string;
  try {
    const size = files.stat(path).size;
    if (size > MAX_HADOLINT_CONFIG_BYTES)
      return unusable(
        path,
        `the file is ${size} bytes; a hadolint config over ${MAX_HADOLINT_CONFIG_BYTES} is not read`,
      );
    text = files.readText(path);
  } catch (error) {
    return unusable(path, describeFileError(error).en);
  }
  return { path, ...checkHadolintConfig(text) };
}

function unusable(path: string, problem: string): ProjectConfig {
  return { path, settings: {}, problems: [problem], notes: [], unusable: true };
}

/** The Layerwise settings a hadolint config's text maps to, with what is wrong and what is not honoured. */
export function checkHadolintConfig(
  text: string,
): Pick<ProjectConfig, 'settings' | 'problems' | 'notes' | 'failLevel' | 'unusable'> {
  const deepAt = lineNestedTooDeep(text);
  if (deepAt !== undefined)
    return {
      settings: {},
      problems: [`line ${deepAt}: nested more than ${MAX_NESTING} levels deep; a hadolint config is not read`],
      notes: [],
      unusable: true,
    };
  const lineCounter = new LineCounter();
  let raw: unknown;
  try {
    const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const error = document.errors[0];
    if (error) {
      const line = lineCounter.linePos(error.pos[0]).line;
      const reason = error.message.split('\n')[0];
      return { settings: {}, problems: [`line ${line}: not valid YAML (${reason})`], notes: [], unusable: true };
    }
    // Aliases are expanded at most this often (a "billion laughs" file stops here).
    raw = document.toJS({ maxAliasCount: 100 });
    if (!isMap(document.contents) && document.contents !== null && !isScalarNull(document.contents))
      return {
        settings: {},
        problems: ['the file must hold a YAML mapping, e.g. "ignored: [DL3008]"'],
        notes: [],
        unusable: true,
      };
  } catch (error) {
    const reason =
      error instanceof RangeError ? 'nested too deeply' : error instanceof Error ? error.message : String(error);
    return { settings: {}, problems: [`not valid YAML (${reason})`], notes: [], unusable: true };
  }
  return mapHadolintConfig(raw ?? {});
}

/**
 * The first line (1-based) where brackets or compact block indicators (`- - x`, `? ? x`) nest past
 * MAX_NESTING; one linear pass. Brackets in comments and quotes count too: a real config has few.
 */
function lineNestedTooDeep(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let atLineStart = true;
  let indicators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      atLineStart = true;
      indicators = 0;
      continue;
    }
    if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return line;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    if (!atLineStart || c === ' ' || c === '\t') continue;
    const next = text[i + 1];
    const indicator = (c === '-' || c === '?' || c === ':') && (next === undefined || next === ' ' || next === '\t');
    if (!indicator) atLineStart = false;
    else if (++indicators > MAX_NESTING) return line;
  }
  return undefined;
}

function isScalarNull(node: unknown): boolean {
  return isScalar(node) && node.value === null;
}

function mapHadolintConfig(
  raw: unknown,
): Pick<ProjectConfig, 'settings' | 'problems' | 'notes' | 'failLevel' | 'unusable'> {
  const problems: string[] = [];
  const notes: string[] = [];
  const rules: Record<string, RuleSeverity> = {};
  const unmatched = new Set<string>();
  let failLevel: Severity | 'none' | undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { settings: {}, problems: ['the file must hold a YAML mapping'], notes, unusable: true };
  const config = raw as Record<string, unknown>;
  const codeList = (key: string, value: unknown): string[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every((code) => typeof code === 'string')) {
      problems.push(`"${key}" must be a list of rule codes, e.g. [DL3008]`);
      return [];
    }
    return value;
  };
  const apply = (codes: readonly string[], severity: RuleSeverity): void => {
    for (const code of codes) {
      const matched = rulesForHadolintCode(code);
      if (matched.length === 0) unmatched.add(code);
      for (const rule of matched) rules[rule] = severity;
    }
  };
  const override = config.override;
  if (override !== undefined && override !== null) {
    if (typeof override !== 'object' || Array.isArray(override)) problems.push('"override" must be a mapping');
    else {
      for (const [level, codes] of Object.entries(override as Record<string, unknown>)) {
        const severity = OVERRIDE_SEVERITY[level];
        if (!severity) problems.push(`unknown level "override.${level}" (use error, warning, info or style)`);
        else apply(codeList(`override.${level}`, codes), severity);
      }
    }
  }
  // hadolint drops ignored codes after applying overrides: `ignored` wins.
  apply(codeList('ignored', config.ignored), 'off');

  const threshold = config['failure-threshold'];
  if (threshold !== undefined && threshold !== null) {
    const level = typeof threshold === 'string' ? THRESHOLD[threshold] : undefined;
    if (level) failLevel = level;
    else problems.push('"failure-threshold" must be one of error, warning, info, style, ignore or none');
  }
  const noFail = config['no-fail'];
  if (noFail !== undefined && noFail !== null) {
    if (typeof noFail !== 'boolean') problems.push('"no-fail" must be true or false');
    else if (noFail) failLevel = 'none';
  }
  const settings: Partial<Settings> = Object.keys(rules).length > 0 ? { 'layerwise.diagnostics.rules': rules } : {};
  mapPolicies(config, settings, problems);
  const known = new Set(['override', 'ignored', 'failure-threshold', 'no-fail', ...MAPPED_KEYS, ...OUTPUT_OPTIONS]);
  for (const key of Object.keys(config)) {
    if (OUTPUT_OPTIONS.includes(key)) notes.push(`"${key}" is a hadolint output option; Layerwise's own options apply`);
    else if (!known.has(key)) notes.push(`unknown key "${key}" is ignored`);
  }
  if (unmatched.size > 0)
    notes.push(
      `no Layerwise rule matches ${[...unmatched].join(', ')}, ` +
        `so ${unmatched.size === 1 ? 'it has' : 'they have'} no effect`,
    );
  return { settings, problems, notes, failLevel, unusable: false };
}

/** `trustedRegistries`, `label-schema`, `strict-labels` and `disable-ignore-pragma` onto their Layerwise settings. */
function mapPolicies(config: Record<string, unknown>, settings: Partial<Settings>, problems: string[]): void {
  const registries = config.trustedRegistries;
  if (registries !== undefined && registries !== null) {
    if (!Array.isArray(registries) || !registries.every((entry) => typeof entry === 'string'))
      problems.push('"trustedRegistries" must be a list of registry hosts, e.g. [docker.io]');
    else settings['layerwise.diagnostics.allowedRegistries'] = registries.map((entry) => entry.trim());
  }
  const schema = config['label-schema'];
  if (schema !== undefined && schema !== null) {
    if (typeof schema !== 'object' || Array.isArray(schema))
      problems.push('"label-schema" must be a mapping of label names to types, e.g. {author: text}');
    else {
      const labels: Record<string, LabelType> = {};
      for (const [label, type] of Object.entries(schema as Record<string, unknown>)) {
        if (typeof type === 'string' && (LABEL_TYPES as readonly string[]).includes(type))
          labels[label] = type as LabelType;
        else problems.push(`"label-schema.${label}" must be one of ${LABEL_TYPES.join(', ')}`);
      }
      settings['layerwise.diagnostics.labelSchema'] = labels;
    }
  }
  const strict = config['strict-labels'];
  if (strict !== undefined && strict !== null) {
    if (typeof strict !== 'boolean') problems.push('"strict-labels" must be true or false');
    else settings['layerwise.diagnostics.strictLabels'] = strict;
  }
  const disablePragmas = config['disable-ignore-pragma'];
  if (disablePragmas !== undefined && disablePragmas !== null) {
    if (typeof disablePragmas !== 'boolean') problems.push('"disable-ignore-pragma" must be true or false');
    else settings['layerwise.diagnostics.hadolintPragmas'] = !disablePragmas;
  }
}
