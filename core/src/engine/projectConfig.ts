// `.layerwise.json`: diagnostics settings kept in the repository, so the editor and the CLI agree.
// The nearest file in the Dockerfile's folder or a parent wins; its `diagnostics` keys override
// the workspace settings (rule severities merge per rule code, the file's winning). The language
// server only looks inside the workspace folders: a file above them (in the home folder, in /tmp)
// is not the project's and is never read.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { describeFileError } from './fileErrors';
import { readSettings, type RuleSeverity, SETTINGS_SCHEMA, type Settings } from './settings';

export const PROJECT_CONFIG_FILE = '.layerwise.json';

const DIAGNOSTICS_PREFIX = 'layerwise.diagnostics.';
const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

export interface ProjectConfig {
  /** Absolute path of the file. */
  path: string;
  /** The valid part of the file's `diagnostics` object (bad values left out). */
  diagnostics: Record<string, unknown>;
  /** What is wrong with the file, in English, naming the key; empty when it is valid. */
  problems: string[];
  /** The file could not be read or is not JSON: nothing in it applies. */
  unusable: boolean;
}

/** Reads and checks one config file; never throws. */
export function readProjectConfig(path: string): ProjectConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeFileError(error).en;
    return { path, diagnostics: {}, problems: [reason], unusable: true };
  }
  return { path, ...checkConfig(raw), unusable: false };
}

/** Keeps the valid settings of a parsed config and says what is wrong with the rest. */
export function checkConfig(raw: unknown): { diagnostics: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  const diagnostics: Record<string, unknown> = {};
  if (!isRecord(raw))
    return { diagnostics, problems: ['the file must hold a JSON object, e.g. {"diagnostics": {"rules": {}}}'] };
  for (const key of Object.keys(raw)) {
    if (key !== 'diagnostics' && key !== '$schema') problems.push(`unknown key "${key}" (only "diagnostics" is read)`);
  }
  if (raw.diagnostics === undefined) return { diagnostics, problems };
  if (!isRecord(raw.diagnostics)) return { diagnostics, problems: [...problems, '"diagnostics" must be an object'] };
  for (const [name, value] of Object.entries(raw.diagnostics)) {
    const key = `${DIAGNOSTICS_PREFIX}${name}`;
    // Only diagnostics.* keys get here, and each of them has a single type.
    const spec = (SETTINGS_SCHEMA as unknown as Record<string, { type: string; enum?: readonly string[] } | undefined>)[
      key
    ];
    if (!spec) {
      problems.push(`unknown setting "diagnostics.${name}"`);
      continue;
    }
    const problem = valueProblem(name, value, spec);
    if (problem) problems.push(problem);
    else diagnostics[name] = name === 'rules' ? validRules(value as Record<string, unknown>, problems) : value;
  }
  return { diagnostics, problems };
}

function valueProblem(
  name: string,
  value: unknown,
  spec: { type: string; enum?: readonly string[] },
): string | undefined {
  const ok =
    spec.type === 'object'
      ? isRecord(value)
      : typeof value === spec.type && (!spec.enum || spec.enum.includes(value as string));
  if (ok) return undefined;
  const expected = spec.enum ? `one of ${spec.enum.join(', ')}` : `a${spec.type === 'object' ? 'n' : ''} ${spec.type}`;
  return `"diagnostics.${name}" must be ${expected}`;
}

function validRules(rules: Record<string, unknown>, problems: string[]): Record<string, RuleSeverity> {
  const valid: Record<string, RuleSeverity> = {};
  for (const [code, severity] of Object.entries(rules)) {
    if (typeof severity === 'string' && SEVERITIES.includes(severity)) valid[code] = severity as RuleSeverity;
    else
      problems.push(
        `"diagnostics.rules.${code}" must be one of ${SEVERITIES.join(', ')}, not ${JSON.stringify(severity)}`,
      );
  }
  return valid;
}

/** The workspace settings with the config's diagnostics settings laid over them. */
export function applyProjectConfig(settings: Settings, config: ProjectConfig | undefined): Settings {
  if (!config || Object.keys(config.diagnostics).length === 0) return settings;
  const fromFile = readSettings({ diagnostics: config.diagnostics }) as Record<string, unknown>;
  const result = { ...settings } as Record<string, unknown>;
  for (const name of Object.keys(config.diagnostics)) {
    const key = `${DIAGNOSTICS_PREFIX}${name}`;
    result[key] =
      name === 'rules' ? { ...settings['layerwise.diagnostics.rules'], ...(fromFile[key] as object) } : fromFile[key];
  }
  return result as Settings;
}

/**
 * Finds the nearest config above a file, reading each folder's at most once until `clear`.
 * With `setRoots`, only folders inside one of the roots are looked at (none without roots);
 * without, every folder up to the file system root is (the CLI).
 */
export class ProjectConfigs {
  private readonly byFolder = new Map<string, ProjectConfig | undefined>();
  private roots: readonly string[] | undefined;

  forFile(filePath: string): ProjectConfig | undefined {
    return this.forFolder(dirname(filePath));
  }

  /** Looks only inside these folders (absolute paths); undefined: everywhere. */
  setRoots(roots: readonly string[] | undefined): void {
    this.roots = roots?.slice();
    this.clear();
  }

  clear(): void {
    this.byFolder.clear();
  }

  private forFolder(folder: string): ProjectConfig | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    if (this.roots && !this.roots.some((root) => isInside(folder, root))) {
      this.byFolder.set(folder, undefined);
      return undefined;
    }
    const candidate = join(folder, PROJECT_CONFIG_FILE);
    let config: ProjectConfig | undefined;
    if (isFile(candidate)) config = readProjectConfig(candidate);
    else {
      const parent = dirname(folder);
      config = parent === folder ? undefined : this.forFolder(parent);
    }
    this.byFolder.set(folder, config);
    return config;
  }
}

/** `folder` is `root` or below it. */
function isInside(folder: string, root: string): boolean {
  const rel = relative(root, folder);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
