// One run of the container CLI: the executable, its argument array and the environment it
// needs on top of the inherited one. Never a shell string.
import type { DockerSettings } from './settings';

export interface DockerInvocation {
  readonly executable: string;
  readonly args: readonly string[];
  /** Variables added to (or overriding) the inherited environment. */
  readonly env: Readonly<Record<string, string>>;
}

/** Daemon URL schemes that mean "use this as DOCKER_HOST" rather than a context name. */
const hostUrlPattern = /^(unix|tcp|ssh|npipe|fd|http|https):\/\//i;

export interface DockerConnection {
  /** Global flags that go before the subcommand, e.g. `--context prod`. */
  readonly globalArgs: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** How to reach the daemon the user configured in `layerwise.docker.context`. */
export function dockerConnection(settings: Pick<DockerSettings, 'dockerContext'>): DockerConnection {
  const target = settings.dockerContext;
  if (target === '') return { globalArgs: [], env: {} };
  if (hostUrlPattern.test(target)) {
    // podman reads CONTAINER_HOST; docker reads DOCKER_HOST.
    return { globalArgs: [], env: { DOCKER_HOST: target, CONTAINER_HOST: target } };
  }
  return { globalArgs: ['--context', target], env: {} };
}

/**
 * `docker [global flags] <subcommandArgs...>` for the configured CLI and daemon, with the
 * variables of `layerwise.docker.env` (a daemon URL in `layerwise.docker.context` wins over them).
 */
export function dockerInvocation(
  settings: Pick<DockerSettings, 'dockerPath' | 'dockerContext'> & Partial<Pick<DockerSettings, 'dockerEnv'>>,
  subcommandArgs: readonly string[],
): DockerInvocation {
  const connection = dockerConnection(settings);
  return {
    executable: settings.dockerPath,
    args: [...connection.globalArgs, ...subcommandArgs],
    env: { ...settings.dockerEnv, ...connection.env },
  };
}

/** A readable rendering of an invocation for the terminal header; quoting is for display only. */
export function describeInvocation(invocation: DockerInvocation): string {
  return [invocation.executable, ...invocation.args].map(quoteForDisplay).join(' ');
}

function quoteForDisplay(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
