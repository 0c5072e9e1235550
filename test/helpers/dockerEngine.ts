// Shared setup for the integration tests against a real Docker engine: whether one is reachable
// (skip with a reason locally, fail under CI=true), running docker, building, cleaning up.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedBuildOutput } from '../../client/src/docker/buildOutput';
import { DetectingBuildOutputParser } from '../../client/src/docker/buildOutputParser';
import { dockerVersionArgs } from '../../client/src/docker/containerCommandArgs';
import { classifyDockerProbe, type DockerAvailability } from '../../client/src/docker/dockerAvailability';
import { type DockerInvocation, dockerInvocation } from '../../client/src/docker/dockerInvocation';
import { OutputLineSplitter } from '../../client/src/docker/outputLines';
import type { ProcessOutcome } from '../../client/src/docker/processOutcome';
import { type RunOptions, runDockerProcess, startDockerProcess } from '../../client/src/docker/processRunner';
import { defaultDockerSettings, type DockerSettings } from '../../client/src/docker/settings';
import { english } from '../../client/src/l10n/translator';
export { freePort } from './freePort';

export const busyboxPath = '/bin/busybox';

export async function probe(settings: DockerSettings = defaultDockerSettings): Promise<DockerAvailability> {
  const outcome = await runDockerProcess(dockerInvocation(settings, dockerVersionArgs()));
  return classifyDockerProbe(outcome, settings.dockerPath, settings.dockerContext, english);
}

/**
 * Undefined when the engine is usable; otherwise the reason to skip. Under CI=true a missing
 * engine is an error: the tests must run there.
 */
export async function engineSkipReason(): Promise<string | undefined> {
  const availability = await probe();
  if (availability.kind === 'ready') return undefined;
  const detail = availability.kind === 'daemonUnreachable' ? ` ${availability.detail}` : '';
  const reason = `no Docker engine reachable (${availability.message}${detail}); run scripts/setup-docker.sh`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  return reason;
}

export function docker(args: readonly string[]): Promise<ProcessOutcome> {
  return runDockerProcess(dockerInvocation(defaultDockerSettings, args));
}

export interface BuildRun {
  readonly parsed: ParsedBuildOutput;
  readonly exitCode: number | null;
  /** Everything the builder printed, both streams, as the terminal shows it. */
  readonly text: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  /** Whether the process was stopped at its time limit. */
  readonly timedOut: boolean;
}

/** Runs a build the way the extension does: merged streams, line by line into the parser, timed. */
export async function runParsedBuild(invocation: DockerInvocation, options: RunOptions = {}): Promise<BuildRun> {
  const parser = new DetectingBuildOutputParser(english);
  const splitter = new OutputLineSplitter();
  let text = '';
  const onChunk = (chunk: string): void => {
    text += chunk;
    for (const line of splitter.push(chunk)) parser.push(line, Date.now());
  };
  const startedAt = Date.now();
  const running = startDockerProcess(invocation, { onStdout: onChunk, onStderr: onChunk }, options);
  const outcome = await running.outcome;
  for (const line of splitter.flush()) parser.push(line, Date.now());
  const finishedAt = Date.now();
  return {
    parsed: parser.finish(outcome.exitCode, finishedAt),
    exitCode: outcome.exitCode,
    text,
    startedAt,
    finishedAt,
    timedOut: outcome.timedOutAfterMs !== undefined,
  };
}

/** `docker <args>` with the default settings, through runParsedBuild. */
export function buildWithParser(args: readonly string[]): Promise<BuildRun> {
  return runParsedBuild(dockerInvocation(defaultDockerSettings, args));
}

/** A temporary build context holding the static busybox and the given Dockerfiles. */
export function makeBuildContext(dockerfiles: Readonly<Record<string, string>>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise build ctx-'));
  copyFileSync(busyboxPath, join(dir, 'busybox'));
  for (const [name, text] of Object.entries(dockerfiles)) writeFileSync(join(dir, name), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `attempt` until it returns a value or `timeoutMs` passes (waits on state, not fixed sleeps). */
export async function eventually<T>(
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
}

/** The body of `path` from a container's web server published on `hostPort`, once it answers. */
export function pageServedAt(hostPort: number, path: string): Promise<string> {
  return eventually(
    async () => {
      const response = await fetch(`http://127.0.0.1:${hostPort}${path}`);
      return response.ok ? response.text() : undefined;
    },
    15_000,
    'the web server in the container to answer',
  );
}
