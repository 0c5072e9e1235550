// Task types `layerwise-build` (runs in our build terminal, so results and insights are
// recorded; one build per Dockerfile at a time) and `layerwise-run` (a ProcessExecution with an
// argument array; a detached run in our terminal, with a time limit). Offers one build task per
// open Dockerfile.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildResultStore } from '../build/buildResults';
import { claimBuildSlot, NoticeTerminal } from '../build/buildSlot';
import type { BuildTracker } from '../build/buildTracker';
import { createImageBuild, type ImageBuild } from '../build/imageBuild';
import { ProcessTerminal } from '../build/processTerminal';
import { detectedBuilder } from '../docker/sessionBuilderProbe';
import { resolveBuildContext } from '../docker/buildContextPath';
import { containerRunArgs } from '../docker/containerRunArgs';
import { dockerInvocation } from '../docker/dockerInvocation';
import { currentDockerSettings } from '../docker/dockerReadiness';
import { suggestImageTag } from '../docker/imageNames';
import { outlineDockerfile } from '../docker/parsedDockerfile';
import { readBuildTaskDefinition, readRunTaskDefinition } from '../docker/taskDefinitions';
import { l10n, t } from '../l10n/displayLanguage';
import { buildTaskType, runTaskType } from './commandCatalog';
import type { DockerfileMemory } from './dockerfileMemory';

function folderPath(scope: vscode.TaskScope | vscode.WorkspaceFolder | undefined): string | undefined {
  return typeof scope === 'object' ? scope.uri.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

export function registerDockerTaskProvider(
  store: BuildResultStore,
  memory: DockerfileMemory,
  tracker: BuildTracker,
): vscode.Disposable {
  const resolveBuild = (task: vscode.Task): vscode.Task | undefined => {
    const definition = readBuildTaskDefinition(task.definition);
    if (definition === undefined) return undefined;
    const root = folderPath(task.scope);
    const file = path.resolve(root ?? '', definition.file);
    const uri = vscode.Uri.file(file);
    const execution = new vscode.CustomExecution(async () => {
      const settings = currentDockerSettings(uri);
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.isDirty) await document.save();
      const tag =
        definition.tag ??
        memory.get(uri.toString()).tag ??
        suggestImageTag(path.basename(path.dirname(file)), definition.target);
      const spec = {
        dockerfileUri: uri.toString(),
        outline: outlineDockerfile(document.getText()),
        settings,
        builder: await detectedBuilder(settings),
        request: {
          dockerfile: file,
          context: resolveBuildContext(definition.context ?? settings.buildContext, file, root),
          tag,
          target: definition.target,
          buildArgs: definition.buildArgs,
          platform: definition.platform ?? settings.buildPlatform,
          extraArgs: [...settings.buildExtraArgs, ...definition.extraArgs],
        },
      };
      // One build per Dockerfile: a task started while another build of it runs asks too.
      let build: ImageBuild | undefined;
      const ticket = await claimBuildSlot(tracker, spec.dockerfileUri, tag, { stop: () => build?.terminal.stop() });
      if (ticket === undefined)
        return new NoticeTerminal(t('Not started: a build of {0} is still running.', path.basename(file)), 1);
      build = createImageBuild(spec, store, true, ticket);
      void build.result.then((result) =>
        result.succeeded && ticket.isCurrent()
          ? memory.remember(uri.toString(), { lastImage: result.imageTag })
          : undefined,
      );
      return build.terminal;
    });
    return new vscode.Task(
      task.definition,
      task.scope ?? vscode.TaskScope.Workspace,
      task.name,
      'layerwise',
      execution,
      [],
    );
  };

  const resolveRun = (task: vscode.Task): vscode.Task | undefined => {
    const definition = readRunTaskDefinition(task.definition);
    const root = folderPath(task.scope);
    const fileUri =
      definition.file === undefined ? undefined : vscode.Uri.file(path.resolve(root ?? '', definition.file));
    const image =
      definition.image ??
      (fileUri === undefined
        ? undefined
        : (store.get(fileUri.toString())?.imageTag ?? memory.get(fileUri.toString()).lastImage));
    if (image === undefined) return undefined;
    const settings = currentDockerSettings(fileUri);
    const invocation = dockerInvocation(
      settings,
      containerRunArgs(
        {
          image,
          name: definition.name,
          detach: definition.detach,
          removeWhenStopped: true,
          ports: definition.ports,
          env: definition.env,
          extraArgs: [...settings.runExtraArgs, ...definition.extraArgs],
          command: definition.command,
        },
        l10n,
      ),
    );
    // A detached run ends by itself: it runs in our terminal, with its time limit. An attached
    // one lasts as long as its container, so a plain process the task terminal can end will do.
    const execution = definition.detach
      ? new vscode.CustomExecution(async () => new ProcessTerminal({ invocation, closeWhenDone: true }))
      : new vscode.ProcessExecution(invocation.executable, [...invocation.args], { env: { ...invocation.env } });
    return new vscode.Task(
      task.definition,
      task.scope ?? vscode.TaskScope.Workspace,
      task.name,
      'layerwise',
      execution,
      [],
    );
  };

  return vscode.Disposable.from(
    vscode.tasks.registerTaskProvider(buildTaskType, {
      provideTasks: () =>
        vscode.workspace.textDocuments
          .filter((document) => document.languageId === 'dockerfile' && document.uri.scheme === 'file')
          .flatMap((document) => {
            const folder = vscode.workspace.getWorkspaceFolder(document.uri);
            if (folder === undefined) return [];
            const file = path.relative(folder.uri.fsPath, document.uri.fsPath);
            const task = resolveBuild(
              new vscode.Task({ type: buildTaskType, file }, folder, `build ${file}`, 'layerwise'),
            );
            return task === undefined ? [] : [task];
          }),
      resolveTask: resolveBuild,
    }),
    vscode.tasks.registerTaskProvider(runTaskType, { provideTasks: () => [], resolveTask: resolveRun }),
  );
}
