// `.layerwise.json`: settings kept in the repository, so the editor and the CLI agree. It holds the
// settings the schema marks `inProjectFile`, nested as in VS Code's `layerwise` section
// (`{"diagnostics": {"rules": {...}}}`); it is read as JSONC (comments, trailing commas).
// The nearest file in the Dockerfile's folder or a parent wins; its keys override the workspace
// settings (records such as rule severities merge per entry, the file's winning). The language
// server only looks inside the workspace folders: a file above them (in the home folder, in /tmp)
// is not the project's and is never read.
// A `.hadolint.yaml` / `.hadolint.yml` in the same folder is read too (hadolintConfig.ts), under the
// `.layerwise.json` when both are there; alone, it counts as the folder's config.
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { FileAccess } from '../files/fileAccess';
import { nodeFiles } from '../files/nodeFileAccess';
import type { Severity } from '../rules';
import { describeFileError } from './fileErrors';
import { HADOLINT_CONFIG_FILES, readHadolintConfig } from './hadolintConfig';
import { parseJsonc } from './jsonc';
import type { Settings } from './settings';
import { isRecord, readSettingValue } from './settingValue';
import { type SettingKey, SETTING_KEYS, SETTINGS, settingName } from './settingsSchema';

export const PROJECT_CONFIG_FILE = '.layerwise.json';

/** The settings a project file may hold, in schema order. */
export const PROJECT_FILE_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((key) => SETTINGS[key].inProjectFile);

/** The file's top-level keys: the first part of each setting's name (`diagnostics`). */
const SECTIONS: readonly string[] = [...new Set(PROJECT_FILE_KEYS.map((key) => settingName(key).split('.')[0]!))];

export interface ProjectConfig {
  /** Absolute path of the file. */
  path: string;
  /** The valid settings of the file, by full key (bad values left out). */
  settings: Partial<Settings>;
  /** What is wrong with the file, in English, naming the key; empty when it is valid. */
  problems: string[];
  /** The file could not be read or is not JSON: nothing in it applies. */
  unusable: boolean;
  /** What the file asks that Layerwise does not honour (yet), in English; said once, never a failure. */
  notes?: string[];
  /** A hadolint config's `failure-threshold` / `no-fail`: the CLI's fail level unless the command line sets one. */
  failLevel?: Severity | 'none';
}

/** Reads and checks one config file; never throws. */
export function readProjectConfig(path: string, files: FileAccess = nodeFiles): ProjectConfig {
  let text: string;
  try {
    text = files.readText(path);
  } catch (error) {
    return { path, settings: {}, problems: [describeFileError(error).en], unusable: true };
  }
  const parsed = parseJsonc(text);
  if (!parsed.ok) return { path, settings: {}, problems: [parsed.problem], unusable: true };
  return { path, ...checkConfig(parsed.value), unusable: false };
}

/** Keeps the valid settings of a parsed config and says what is wrong with the rest. */
export function checkConfig(raw: unknown): { settings: Partial<Settings>; problems: string[] } {
  const settings: Record<string, unknown> = {};
  if (!isRecord(raw))
    return { settings, problems: ['the file must hold a JSON object, e.g. {"diagnostics": {"rules": {}}}'] };
  const problems: string[] = [];
  const known = SECTIONS.map((section) => `"${section}"`).join(', ');
  for (const key of Object.keys(raw)) {
    if (key !== '$schema' && !SECTIONS.includes(key))
      problems.push(`unknown key "${key}" (only ${known} ${SECTIONS.length === 1 ? 'is' : 'are'} read)`);
  }
  for (const section of SECTIONS) {
    const values = raw[section];
    if (values === undefined) continue;
    if (!isRecord(values)) {
      problems.push(`"${section}" must be an object`);
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      const key = PROJECT_FILE_KEYS.find((candidate) => settingName(candidate) === `${section}.${name}`);
      if (!key) {
        problems.push(`unknown setting "${section}.${name}"`);
        continue;
      }
      const read = readSettingValue(key, value);
      problems.push(...read.problems);
      // A value wholly wrong is left out (the workspace's applies); a record keeps its valid entries.
      if (read.problems.length === 0 || isRecord(read.value)) settings[key] = read.value;
    }
  }
  return { settings: settings as Partial<Settings>, problems };
}

/** The workspace settings with the config's settings laid over them. */
export function applyProjectConfig(settings: Settings, config: ProjectConfig | undefined): Settings {
  if (!config || Object.keys(config.settings).length === 0) return settings;
  const result: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(config.settings)) {
    const base = result[key];
    result[key] = isRecord(value) && isRecord(base) ? { ...base, ...value } : value;
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

  constructor(private readonly files: FileAccess = nodeFiles) {}

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
    const isFile = (path: string): boolean => isFileIn(this.files, path);
    const hadolintPath = HADOLINT_CONFIG_FILES.map((name) => join(folder, name)).find(isFile);
    let config: ProjectConfig | undefined;
    if (isFile(candidate)) config = readProjectConfig(candidate, this.files);
    if (hadolintPath) {
      const hadolint = readHadolintConfig(hadolintPath, this.files);
      config = config ? withHadolintBelow(config, hadolint) : hadolint;
    }
    if (!config) {
      const parent = dirname(folder);
      config = parent === folder ? undefined : this.forFolder(parent);
    }
    this.byFolder.set(folder, config);
    return config;
  }
}

/** Any config file: `.hadolint.yaml` / `.hadolint.yml` read as hadolint's, anything else as `.layerwise.json`. */
export function readConfigFile(path: string): ProjectConfig {
  return /\.ya?ml$/i.test(path) ? readHadolintConfig(path) : readProjectConfig(path);
}

/**
 * A `.layerwise.json` with the hadolint config of its folder under it: the hadolint file's rule
 * settings apply where the `.layerwise.json` does not set the same rule; its problems and notes
 * name it.
 */
function withHadolintBelow(own: ProjectConfig, hadolint: ProjectConfig): ProjectConfig {
  const name = hadolint.path.slice(hadolint.path.lastIndexOf(sep) + 1);
  const settings = own.unusable
    ? own.settings
    : (applyProjectConfig(hadolint.settings as Settings, own) as Partial<Settings>);
  return {
    ...own,
    settings: own.unusable ? {} : settings,
    problems: [...own.problems, ...hadolint.problems.map((problem) => `${name}: ${problem}`)],
    notes: [...(own.notes ?? []), ...(hadolint.notes ?? []).map((note) => `${name}: ${note}`)],
    failLevel: own.failLevel ?? hadolint.failLevel,
  };
}

/** `folder` is `root` or below it. */
function isInside(folder: string, root: string): boolean {
  const rel = relative(root, folder);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A file is there; false too while a file access that asks the editor has no answer yet (the answer rechecks). */
function isFileIn(files: FileAccess, path: string): boolean {
  try {
    return files.stat(path).isFile;
  } catch {
    return false;
  }
}
