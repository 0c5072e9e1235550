// The Docker-related settings of Layerwise: one schema with defaults, and a reader that turns
// whatever the user wrote into a typed, validated value. Pure: no 'vscode' import, so the
// schema can be compared with package.json in a unit test.
//
// Which CLI runs and which daemon it talks to are `machine` settings (like VS Code's own
// `git.path`): a repository's .vscode/settings.json must not point them at a script in the
// repository. They are read from user (or remote machine) settings and defaults only, never
// from workspace or folder values, whatever the VS Code version does with the scope.

export interface DockerSettings {
  /** The CLI to run: `docker` by default; `podman` works too. */
  readonly dockerPath: string;
  /** A docker context name, or a daemon URL (`unix://`, `tcp://`, `ssh://`, `npipe://`) used as DOCKER_HOST. */
  readonly dockerContext: string;
  /** Build context directory; empty means the Dockerfile's folder. */
  readonly buildContext: string;
  readonly buildExtraArgs: readonly string[];
  readonly runExtraArgs: readonly string[];
  /** `--platform` for builds; empty means the daemon's default. */
  readonly buildPlatform: string;
}

interface SettingSpec {
  readonly key: keyof DockerSettings;
  readonly type: 'string' | 'array';
  readonly default: string | readonly string[];
  readonly scope: 'machine' | 'resource';
  readonly description: string;
}

/** Every Docker setting Layerwise contributes, keyed by its full configuration name. */
export const dockerSettingsSchema: Readonly<Record<string, SettingSpec>> = {
  'layerwise.docker.path': {
    key: 'dockerPath',
    type: 'string',
    default: 'docker',
    scope: 'machine',
    description:
      'The container CLI Layerwise runs: `docker` (found on PATH) by default, or a full path. `podman` works too.',
  },
  'layerwise.docker.context': {
    key: 'dockerContext',
    type: 'string',
    default: '',
    scope: 'machine',
    description:
      'Which daemon to talk to: a docker context name (passed as `--context`), or a daemon URL such as `unix:///var/run/docker.sock` or `tcp://host:2376` (passed as DOCKER_HOST). Empty: the CLI default (DOCKER_HOST or the current context).',
  },
  'layerwise.build.context': {
    key: 'buildContext',
    type: 'string',
    default: '',
    scope: 'resource',
    description:
      "The build context directory. Relative paths are resolved against the workspace folder; `${workspaceFolder}` and `${fileDirname}` are replaced. Empty: the Dockerfile's folder.",
  },
  'layerwise.build.extraArgs': {
    key: 'buildExtraArgs',
    type: 'array',
    default: [],
    scope: 'resource',
    description:
      'Extra arguments for `docker build`, one argument per item (no shell quoting), e.g. ["--pull", "--label", "team=web"].',
  },
  'layerwise.run.extraArgs': {
    key: 'runExtraArgs',
    type: 'array',
    default: [],
    scope: 'resource',
    description:
      'Extra arguments for `docker run`, one argument per item (no shell quoting), e.g. ["--memory", "512m"].',
  },
  'layerwise.build.platform': {
    key: 'buildPlatform',
    type: 'string',
    default: '',
    scope: 'resource',
    description: 'Target platform for builds, passed as `--platform` (e.g. `linux/amd64`). Empty: the daemon default.',
  },
};

export const defaultDockerSettings: DockerSettings = {
  dockerPath: 'docker',
  dockerContext: '',
  buildContext: '',
  buildExtraArgs: [],
  runExtraArgs: [],
  buildPlatform: '',
};

function readString(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.trim() : fallback;
}

function readStringList(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

/**
 * Reads the Docker settings through `get(fullKey)` (e.g. a WorkspaceConfiguration's get),
 * ignoring values of the wrong type instead of failing.
 */
export function readDockerSettings(get: (fullKey: string) => unknown): DockerSettings {
  const dockerPath = readString(get('layerwise.docker.path'), defaultDockerSettings.dockerPath);
  return {
    dockerPath: dockerPath === '' ? defaultDockerSettings.dockerPath : dockerPath,
    dockerContext: readString(get('layerwise.docker.context'), ''),
    buildContext: readString(get('layerwise.build.context'), ''),
    buildExtraArgs: readStringList(get('layerwise.build.extraArgs')),
    runExtraArgs: readStringList(get('layerwise.run.extraArgs')),
    buildPlatform: readString(get('layerwise.build.platform'), ''),
  };
}

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
export const machineSettingKeys: readonly string[] = Object.entries(dockerSettingsSchema)
  .filter(([, spec]) => spec.scope === 'machine')
  .map(([key]) => key);

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
