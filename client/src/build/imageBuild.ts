// One image build: runs `docker build` in a ProcessTerminal, parses the output as it streams,
// then asks `docker history` for layer sizes, records the result in the store and writes the
// summary into the terminal. Used by the Build Image command and the layerwise-build task.
import * as vscode from 'vscode';
import { DetectingBuildOutputParser } from '../docker/buildOutputParser';
import { imageHistoryArgs, imageIdArgs } from '../docker/containerCommandArgs';
import type { DockerfileOutline } from '../docker/dockerfileOutline';
import { dockerInvocation } from '../docker/dockerInvocation';
import { imageBuildArgs, type ImageBuildRequest } from '../docker/imageBuildArgs';
import { parseImageHistory, type ImageLayer } from '../docker/imageHistory';
import { runDockerProcess } from '../docker/processRunner';
import type { DockerSettings } from '../docker/settings';
import { recordBuild } from './buildRecord';
import type { BuildResultStore, DockerfileBuildResult } from './buildResults';
import { buildSummaryLine } from './buildSummary';
import { ProcessTerminal } from './processTerminal';

export interface ImageBuildSpec {
  readonly dockerfileUri: string;
  readonly outline: DockerfileOutline;
  readonly request: ImageBuildRequest;
  readonly settings: DockerSettings;
}

export interface ImageBuild {
  readonly terminal: ProcessTerminal;
  readonly result: Promise<DockerfileBuildResult>;
}

export function createImageBuild(spec: ImageBuildSpec, store: BuildResultStore, closeWhenDone: boolean): ImageBuild {
  const parser = new DetectingBuildOutputParser();
  const startedAt = Date.now();
  let resolveResult: (result: DockerfileBuildResult) => void = () => undefined;
  const result = new Promise<DockerfileBuildResult>((resolve) => (resolveResult = resolve));
  const buildArgs = Object.fromEntries((spec.request.buildArgs ?? []).map((arg) => [arg.name, arg.value]));
  const terminal = new ProcessTerminal({
    invocation: dockerInvocation(spec.settings, imageBuildArgs(spec.request)),
    cwd: spec.request.context,
    closeWhenDone,
    onLine: (line, atMs) => parser.push(line, atMs),
    onExit: async (outcome, stopped, write) => {
      const finishedAt = Date.now();
      const parsed = parser.finish(outcome.exitCode, finishedAt);
      let layers: ImageLayer[] = [];
      let imageId: string | undefined;
      if (outcome.exitCode === 0) {
        const [history, inspected] = await Promise.all([
          runDockerProcess(dockerInvocation(spec.settings, imageHistoryArgs(spec.request.tag))),
          runDockerProcess(dockerInvocation(spec.settings, imageIdArgs(spec.request.tag))),
        ]);
        if (history.exitCode === 0) layers = parseImageHistory(history.stdout);
        if (inspected.exitCode === 0) imageId = inspected.stdout.trim() || undefined;
      }
      const recorded = recordBuild({
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
      });
      store.set(recorded);
      const colour = recorded.succeeded ? '32' : recorded.canceled ? '33' : '31';
      write(`\n\x1b[1;${colour}m${buildSummaryLine(recorded)}\x1b[0m\n`);
      if (recorded.failure !== undefined) {
        const where = recorded.failure.startLine === undefined ? '' : ` (line ${recorded.failure.startLine + 1})`;
        write(`\x1b[31m${recorded.failure.message}${where}\x1b[0m\n`);
      }
      resolveResult(recorded);
      return recorded.succeeded ? 0 : (outcome.exitCode ?? 1) || 1;
    },
  });
  return { terminal, result };
}

/** Runs a build in a new terminal the user can watch, stop (Ctrl+C or close) and read afterwards. */
export function runImageBuildInTerminal(spec: ImageBuildSpec, store: BuildResultStore): Promise<DockerfileBuildResult> {
  const build = createImageBuild(spec, store, false);
  const name = `Build ${spec.request.tag}`;
  const terminal = vscode.window.createTerminal({ name, pty: build.terminal, iconPath: new vscode.ThemeIcon('package') });
  terminal.show(true);
  return build.result;
}
