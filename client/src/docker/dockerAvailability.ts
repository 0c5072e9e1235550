// Tells apart "the CLI is not installed / not on PATH", "the daemon is not reachable" and
// "ready", from the outcome of `docker version`. Pure: the probe result comes in as data.
import type { Translator } from '../l10n/translator';
import { containerTool, engineName } from './containerTool';
import { formatTimeLimit, type ProcessOutcome } from './processOutcome';

export type DockerAvailability =
  | { readonly kind: 'ready'; readonly serverVersion: string | undefined }
  | { readonly kind: 'cliMissing'; readonly message: string }
  | { readonly kind: 'daemonUnreachable'; readonly message: string; readonly detail: string };

/** Phrases (lower case) in stderr that mean the daemon cannot be reached. */
const unreachablePhrases = [
  'cannot connect to the docker daemon',
  'is the docker daemon running',
  'error during connect',
  'connection refused',
  'no such file or directory',
  // podman: "Cannot connect to Podman. Please verify your connection…", then "Error: unable to connect to
  // Podman socket: …" (a local or tcp socket); "Error: failed to connect: dial tcp …" (ssh);
  // "Error: failed to resolve active destination: "x" service destination not found" (--connection).
  'unable to connect to podman',
  'cannot connect to podman',
  'failed to connect: ',
  'service destination not found',
  'i/o timeout',
  'no route to host',
  'connection reset',
];

/** Pairs that must appear on one line, the second after the first ("permission denied … docker.sock"). */
const unreachablePhrasePairs: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['permission denied', ['docker.sock', 'podman.sock', 'docker daemon socket']],
  ['context ', [' not found', ' does not exist']],
];

/** How much of stderr is read to classify a failure: the reason comes first, and the text is docker's. */
const classifiedChars = 64 * 1024;

/**
 * Whether stderr says the daemon is unreachable. Substring scans, linear in the text (the
 * patterns /permission denied.*docker\.sock/ and /context .* not found/ this replaces were
 * quadratic on a long line repeating their first words).
 */
export function looksUnreachable(stderr: string): boolean {
  const text = stderr.slice(0, classifiedChars).toLowerCase();
  if (unreachablePhrases.some((phrase) => text.includes(phrase))) return true;
  for (const line of text.split('\n')) {
    for (const [first, thens] of unreachablePhrasePairs) {
      const at = line.indexOf(first);
      if (at !== -1 && thens.some((then) => line.indexOf(then, at + first.length) !== -1)) return true;
    }
  }
  return false;
}

function firstMeaningfulLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '' && !/^(client|server):?$/i.test(line)) ?? ''
  );
}

function serverVersionFrom(stdout: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(stdout.trim().split(/\r?\n/)[0] ?? '');
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const server = (parsed as { Server?: unknown }).Server;
    if (typeof server === 'object' && server !== null) {
      const version = (server as { Version?: unknown }).Version;
      if (typeof version === 'string') return version;
    }
    // podman without a remote service: { Client: {...}, ... } or { Version: ... }.
    const version = (parsed as { Version?: unknown }).Version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Classifies the outcome of `<cli> version --format {{json .}}`. `executable` and `daemon`
 * (the configured context/host, if any) are only used to word the messages, which name the tool
 * the executable is (Docker or Podman). A probe the user canceled is the caller's to handle (it
 * has nothing to report).
 */
export function classifyDockerProbe(
  outcome: ProcessOutcome,
  executable: string,
  daemon: string,
  l10n: Translator,
): DockerAvailability {
  const tool = containerTool(executable);
  const engine = engineName(tool, l10n);
  if (outcome.spawnFailure !== undefined) {
    const reason =
      outcome.spawnFailure.code === 'EACCES'
        ? l10n.t('"{0}" exists but cannot be executed (permission denied).', executable)
        : executable.includes('/') || executable.includes('\\')
          ? l10n.t('{0} was not found at "{1}" (layerwise.docker.path).', tool.name, executable)
          : l10n.t('{0} is not installed or not on PATH (layerwise.docker.path = {1}).', tool.name, executable);
    const install = l10n.t(
      'Install {0}, or set "layerwise.docker.path" to the full path of docker or podman.',
      tool.name,
    );
    return { kind: 'cliMissing', message: `${reason} ${install}` };
  }
  if (outcome.timedOutAfterMs !== undefined) {
    const limit = formatTimeLimit(outcome.timedOutAfterMs, l10n);
    const noAnswer =
      daemon === ''
        ? l10n.t('"{0} version" did not answer within {1}, so the {2} cannot be used.', executable, limit, engine)
        : l10n.t(
            '"{0} version" did not answer within {1}, so the {2} at {3} cannot be used.',
            executable,
            limit,
            engine,
            daemon,
          );
    return {
      kind: 'daemonUnreachable',
      message: `${noAnswer} ${l10n.t(
        'Check that it is running and responsive, or check "layerwise.docker.context" and {0}.',
        tool.hostVariable,
      )}`,
      detail: firstMeaningfulLine(outcome.stderr.slice(0, classifiedChars)) || l10n.t('no answer'),
    };
  }
  if (outcome.exitCode === 0) return { kind: 'ready', serverVersion: serverVersionFrom(outcome.stdout) };

  const detail =
    firstMeaningfulLine(outcome.stderr.slice(0, classifiedChars)) ||
    firstMeaningfulLine(outcome.stdout.slice(0, classifiedChars)) ||
    l10n.t('exit code {0}', String(outcome.exitCode));
  let message: string;
  if (looksUnreachable(outcome.stderr)) {
    const cannotReach =
      daemon === '' ? l10n.t('Cannot reach the {0}.', engine) : l10n.t('Cannot reach the {0} at {1}.', engine, daemon);
    const start = l10n.t('Start {0}, or check "layerwise.docker.context" and {1}.', tool.name, tool.hostVariable);
    message = `${cannotReach} ${start}`;
  } else {
    message =
      daemon === ''
        ? l10n.t('"{0} version" failed, so the {1} cannot be used.', executable, engine)
        : l10n.t('"{0} version" failed, so the {1} at {2} cannot be used.', executable, engine, daemon);
  }
  return {
    kind: 'daemonUnreachable',
    message,
    detail,
  };
}
