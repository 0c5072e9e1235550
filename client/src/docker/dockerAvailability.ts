// Tells apart "the CLI is not installed / not on PATH", "the daemon is not reachable" and
// "ready", from the outcome of `docker version`. Pure: the probe result comes in as data.
import type { ProcessOutcome } from './processOutcome';

export type DockerAvailability =
  | { readonly kind: 'ready'; readonly serverVersion: string | undefined }
  | { readonly kind: 'cliMissing'; readonly message: string }
  | { readonly kind: 'daemonUnreachable'; readonly message: string; readonly detail: string };

const unreachablePatterns = [
  /cannot connect to the docker daemon/i,
  /is the docker daemon running/i,
  /error during connect/i,
  /connection refused/i,
  /no such file or directory/i,
  /permission denied.*docker\.sock/i,
  /unable to connect to podman/i,
  /cannot connect to podman/i,
  /context .* (?:not found|does not exist)/i,
  /i\/o timeout|no route to host|connection reset/i,
];

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
 * (the configured context/host, if any) are only used to word the messages.
 */
export function classifyDockerProbe(outcome: ProcessOutcome, executable: string, daemon: string): DockerAvailability {
  if (outcome.spawnFailure !== undefined) {
    const reason =
      outcome.spawnFailure.code === 'EACCES'
        ? `"${executable}" exists but cannot be executed (permission denied).`
        : `"${executable}" was not found${executable.includes('/') || executable.includes('\\') ? '' : ' on PATH'}.`;
    return {
      kind: 'cliMissing',
      message: `Docker CLI not found: ${reason} Install Docker (or Podman), or set "layerwise.docker.path" to the CLI's full path.`,
    };
  }
  if (outcome.exitCode === 0) return { kind: 'ready', serverVersion: serverVersionFrom(outcome.stdout) };

  const detail = firstMeaningfulLine(outcome.stderr) || firstMeaningfulLine(outcome.stdout) || `exit code ${String(outcome.exitCode)}`;
  const where = daemon === '' ? '' : ` at ${daemon}`;
  const looksUnreachable = unreachablePatterns.some((pattern) => pattern.test(outcome.stderr));
  return {
    kind: 'daemonUnreachable',
    message: looksUnreachable
      ? `The Docker daemon${where} is not reachable. Start Docker, or check "layerwise.docker.context" and DOCKER_HOST.`
      : `"${executable} version" failed, so the Docker daemon${where} cannot be used.`,
    detail,
  };
}
