// One image build: runs `docker build` in a ProcessTerminal, parses the output as it streams,
// then asks `docker history` for layer sizes, records the result in the store and writes the
// summary into the terminal. One build per Dockerfile at a time (buildTracker.ts); a result is
// recorded only by the newest build of its Dockerfile. Used by the Build Image command and the
// layerwise-build task.
import * as vscode from 'vscode';
import { type DetectedBuilder, progressFor } from '../docker/builderDetection';
import { builderLabel } from '../docker/builderLabel';
import { DetectingBuildOutputParser } from '../docker/buildOutputParser';
import { imageHistoryArgs, imageIdArgs } from '../docker/containerCommandArgs';
import type { DockerfileOutline } from '../docker/dockerfileOutline';
import { dockerInvocation } from '../docker/dockerInvocation';
import { detectedBuilder } from '../docker/sessionBuilderProbe';
import { imageBuildArgs, type ImageBuildRequest } from '../docker/imageBuildArgs';
import { parseImageHistory, type ImageLayer } from '../docker/imageHistory';
import { processProblem } from '../docker/processOutcome';
import { runDockerProcess } from '../docker/processRunner';
import type { DockerSettings } from '../docker/settings';
import { l10n, t } from '../l10n/displayLanguage';
import { recordBuild } from './buildRecord';
import type { BuildResultStore, DockerfileBuildResult } from './buildResults';
import { claimBuildSlot } from './buildSlot';
import { buildSummaryLine } from './buildSummary';
import type { BuildTicket, BuildTracker } from './buildTracker';
import { ProcessTerminal } from './processTerminal';

export interface ImageBuildSpec {
  readonly dockerfileUri: string;
  readonly outline: DockerfileOutline;
  readonly request: ImageBuildRequest;
  readonly settings: DockerSettings;
  /** The builder detected for these settings (builderProbe.ts): it picks the progress flag. */
  readonly builder?: DetectedBuilder | undefined;
}

export interface ImageBuild {
  readonly terminal: ProcessTerminal;
  readonly result: Promise<DockerfileBuildResult>;
}

/**
 * The build's terminal and result. It records into `store` only while `ticket` is current (no
 * newer build of the same Dockerfile started), and frees the Dockerfile's slot when it ends.
 */
export function createImageBuild(
  spec: ImageBuildSpec,
  store: BuildResultStore,
  closeWhenDone: boolean,
  ticket: BuildTicket,
): ImageBuild {
  const parser = new DetectingBuildOutputParser(l10n);
  const startedAt = Date.now();
  let resolveResult: (result: DockerfileBuildResult) => void = () => undefined;
  const result = new Promise<DockerfileBuildResult>((resolve) => (resolveResult = resolve));
  const buildArgs = Object.fromEntries((spec.request.buildArgs ?? []).map((arg) => [arg.name, arg.value]));
  const builder = spec.builder?.kind;
  const request = { ...spec.request, progress: spec.request.progress ?? (builder && progressFor(builder)) };
  const terminal = new ProcessTerminal({
    invocation: dockerInvocation(spec.settings, imageBuildArgs(request, l10n)),
    header: builder === undefined ? undefined : t('Builder: {0}', builderLabel(builder, l10n)),
    cwd: spec.request.context,
    closeWhenDone,
    onLine: (line, atMs) => parser.push(line, atMs),
    onExit: async (outcome, stopped, write, canceled) => {
      try {
        const finishedAt = Date.now();
        // Stopped: the docker CLI traps SIGTERM and exits 143; the parsers read null as "stopped".
        const parsed = parser.finish(stopped ? null : outcome.exitCode, finishedAt);
        const current = ticket.isCurrent();
        const { layers, imageId } =
          outcome.exitCode === 0 && current
            ? await inspectBuiltImage(spec, canceled, write)
            : { layers: [], imageId: undefined };
        const recorded = recordBuild(
          {
            dockerfileUri: spec.dockerfileUri,
            imageTag: spec.request.tag,
            target: spec.request.target,
            buildArgs,
            startedAt,
            finishedAt,
            exitCode: outcome.exitCode,
            canceled: stopped,
            parsed,
            outline: spec.outline,
            layers,
            imageId,
            builder,
          },
          l10n,
        );
        // A build replaced by a newer one of the same Dockerfile keeps its terminal, not the store.
        if (current && ticket.isCurrent()) store.set(recorded);
        const colour = recorded.succeeded ? '32' : recorded.canceled ? '33' : '31';
        write(`\n\x1b[1;${colour}m${buildSummaryLine(recorded, l10n)}\x1b[0m\n`);
        if (recorded.builder !== undefined)
          write(`\x1b[2m${t('Built with {0}.', builderLabel(recorded.builder, l10n))}\x1b[0m\n`);
        if (recorded.failure !== undefined) {
          const failure =
            recorded.failure.startLine === undefined
              ? recorded.failure.message
              : t('{0} (line {1})', recorded.failure.message, recorded.failure.startLine + 1);
          write(`\x1b[31m${failure}\x1b[0m\n`);
        }
        if (!ticket.isCurrent())
          write(
            `\x1b[2m${t(
              'A newer build of this Dockerfile started, so this result is not shown in the editor.',
            )}\x1b[0m\n`,
          );
        resolveResult(recorded);
        return recorded.succeeded ? 0 : (outcome.exitCode ?? 1) || 1;
      } finally {
        ticket.release();
      }
    },
  });
  return { terminal, result };
}

/** `docker history` (layer sizes) and `image inspect` (the id) of the image just built, each with its time limit. */
async function inspectBuiltImage(
  spec: ImageBuildSpec,
  canceled: AbortSignal,
  write: (text: string) => void,
): Promise<{ layers: ImageLayer[]; imageId: string | undefined }> {
  const historyInvocation = dockerInvocation(spec.settings, imageHistoryArgs(spec.request.tag, l10n));
  const inspectInvocation = dockerInvocation(spec.settings, imageIdArgs(spec.request.tag, l10n));
  const [history, inspected] = await Promise.all([
    runDockerProcess(historyInvocation, { signal: canceled }),
    runDockerProcess(inspectInvocation, { signal: canceled }),
  ]);
  for (const [outcome, invocation] of [
    [history, historyInvocation],
    [inspected, inspectInvocation],
  ] as const) {
    if (outcome.timedOutAfterMs !== undefined)
      write(`\x1b[33m${processProblem(outcome, invocation, l10n) ?? ''}\x1b[0m\n`);
  }
  return {
    layers: history.exitCode === 0 ? parseImageHistory(history.stdout) : [],
    imageId: inspected.exitCode === 0 ? inspected.stdout.trim() || undefined : undefined,
  };
}

/**
 * Builds in a new terminal the user can watch, stop (Ctrl+C or close) and read afterwards.
 * When another build of the same Dockerfile runs, asks first; undefined when the user keeps it.
 */
export async function runImageBuildInTerminal(
  requested: ImageBuildSpec,
  store: BuildResultStore,
  tracker: BuildTracker,
): Promise<DockerfileBuildResult | undefined> {
  const spec = { ...requested, builder: requested.builder ?? (await detectedBuilder(requested.settings)) };
  let build: ImageBuild | undefined;
  let terminal: vscode.Terminal | undefined;
  const ticket = await claimBuildSlot(tracker, spec.dockerfileUri, spec.request.tag, {
    stop: () => build?.terminal.stop(),
    reveal: () => terminal?.show(),
  });
  if (ticket === undefined) return undefined;
  build = createImageBuild(spec, store, false, ticket);
  terminal = vscode.window.createTerminal({
    name: t('Build {0}', spec.request.tag),
    pty: build.terminal,
    iconPath: new vscode.ThemeIcon('package'),
  });
  terminal.show(true);
  const claimed = ticket;
  // A build replaced meanwhile by a newer one of the same Dockerfile has no result to act on.
  return build.result.then((result) => (claimed.isCurrent() ? result : undefined));
}
