// The Docker-related settings of Layerwise, read through the one settings schema of core
// (core/src/engine/settingsSchema.ts): whatever the user wrote becomes a typed, validated value.
// Pure: no 'vscode' import, so it is unit-tested without an editor.
//
// Which CLI runs and which daemon it talks to are `machine` settings (like VS Code's own
// `git.path`): a repository's .vscode/settings.json must not point them at a script in the
// repository. They are read from user (or remote machine) settings and defaults only, never
// from workspace or folder values, whatever the VS Code version does with the scope.
import {
  defaultValue,
  readSettingValue,
  SETTINGS,
  type SettingKey,
  type SettingValue,
} from '../../../core/src/forClient';

/** Where each Docker setting comes from; types, defaults and validation are the schema's. */
export const DOCKER_SETTING_KEYS = {
  /** The CLI to run: `docker` by default; `podman` works too. */
  dockerPath: 'layerwise.docker.path',
  /** A docker context name, or a daemon URL (`unix://`, `tcp://`, `ssh://`, `npipe://`) used as DOCKER_HOST. */
  dockerContext: 'layerwise.docker.context',
  /** Variables for every docker/podman process (DOCKER_BUILDKIT, DOCKER_HOST, CONTAINER_HOST, ...). */
  dockerEnv: 'layerwise.docker.env',
  /** Build context directory; empty means the Dockerfile's folder. */
  buildContext: 'layerwise.build.context',
  buildExtraArgs: 'layerwise.build.extraArgs',
  runExtraArgs: 'layerwise.run.extraArgs',
  /** `--platform` for builds; empty means the daemon's default. */
  buildPlatform: 'layerwise.build.platform',
} as const satisfies Record<string, SettingKey>;

type DockerSettingKeys = typeof DOCKER_SETTING_KEYS;

export type DockerSettings = {
  readonly [K in keyof DockerSettingKeys]: Readonly<SettingValue<DockerSettingKeys[K]>>;
};

/**
 * Reads the Docker settings through `get(fullKey)` (e.g. a WorkspaceConfiguration's get),
 * ignoring values of the wrong type instead of failing.
 */
export function readDockerSettings(get: (fullKey: string) => unknown): DockerSettings {
  const read = <K extends SettingKey>(key: K): SettingValue<K> => readSettingValue(key, get(key)).value;
  const dockerPath = read(DOCKER_SETTING_KEYS.dockerPath);
  return {
    // An empty path cannot run anything: it means the default.
    dockerPath: dockerPath === '' ? defaultValue(DOCKER_SETTING_KEYS.dockerPath) : dockerPath,
    dockerContext: read(DOCKER_SETTING_KEYS.dockerContext),
    dockerEnv: Object.fromEntries(
      Object.entries(read(DOCKER_SETTING_KEYS.dockerEnv)).filter(([name]) => isEnvironmentName(name)),
    ),
    buildContext: read(DOCKER_SETTING_KEYS.buildContext),
    buildExtraArgs: read(DOCKER_SETTING_KEYS.buildExtraArgs),
    runExtraArgs: read(DOCKER_SETTING_KEYS.runExtraArgs),
    buildPlatform: read(DOCKER_SETTING_KEYS.buildPlatform),
  };
}

/**
 * What is wrong with the Docker settings the user wrote, one English sentence each (e.g. a
 * `layerwise.docker.env` value that is not a string): such entries are left out, never fatal.
 */
export function dockerSettingProblems(get: (fullKey: string) => unknown): string[] {
  const problems = Object.values(DOCKER_SETTING_KEYS).flatMap((key) => readSettingValue(key, get(key), key).problems);
  const env = readSettingValue(DOCKER_SETTING_KEYS.dockerEnv, get(DOCKER_SETTING_KEYS.dockerEnv)).value;
  for (const name of Object.keys(env))
    if (!isEnvironmentName(name))
      problems.push(`"${DOCKER_SETTING_KEYS.dockerEnv}" has ${JSON.stringify(name)}, which is not a variable name`);
  return problems;
}

/** A name a process environment can hold on every platform: no "=", no NUL, not empty. */
function isEnvironmentName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name);
}

/** The settings when the user has set nothing. */
export const defaultDockerSettings: DockerSettings = readDockerSettings(() => undefined);

/** What `WorkspaceConfiguration.inspect` returns, as far as this module reads it. */
export interface InspectedSetting {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/** The part of a WorkspaceConfiguration the reader needs. */
export interface ConfigurationSource {
  get(fullKey: string): unknown;
  inspect(fullKey: string): InspectedSetting | undefined;
}

/** The settings that only the user (or the remote machine) may set. */
export const machineSettingKeys: readonly string[] = Object.values(DOCKER_SETTING_KEYS).filter(
  (key) => SETTINGS[key].scope === 'machine',
);

/**
 * A `get` for readDockerSettings: machine settings come from the user's value (globalValue,
 * which also holds remote-machine settings) or the default, never a workspace or folder value;
 * the others as VS Code resolves them.
 */
export function machineSafeGetter(configuration: ConfigurationSource): (fullKey: string) => unknown {
  return (fullKey) => {
    if (!machineSettingKeys.includes(fullKey)) return configuration.get(fullKey);
    const inspected = configuration.inspect(fullKey);
    return inspected?.globalValue ?? inspected?.defaultValue;
  };
}
