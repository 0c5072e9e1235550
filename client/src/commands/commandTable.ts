// Every docker command's handler, keyed by the catalog entry; registered in one loop.
import * as vscode from 'vscode';
import { readBuildStageOptions } from '../../../protocol/src/protocol';
import type { BuildResultStore } from '../build/buildResults';
import type { BuildTracker } from '../build/buildTracker';
import type { StartedContainers } from '../docker/startedContainers';
import { t } from '../l10n/displayLanguage';
import { buildImageCommand } from './buildImageCommand';
import { dockerCommands, type DockerCommandName } from './commandCatalog';
import { openShellCommand, showLogsCommand, stopContainerCommand } from './containerCommands';
import type { DockerfileMemory } from './dockerfileMemory';
import { runContainerCommand } from './runContainerCommand';

export interface CommandContext {
  readonly store: BuildResultStore;
  readonly memory: DockerfileMemory;
  readonly containers: StartedContainers;
  readonly builds: BuildTracker;
}

type Handler = (context: CommandContext, argument: unknown, options: unknown) => Promise<unknown>;

/** What the notification says when a command fails unexpectedly, with its title as the palette shows it. */
const failureMessages: Record<DockerCommandName, (reason: string) => string> = {
  buildImage: (reason) => t('Layerwise: Build Image failed: {0}', reason),
  runContainer: (reason) => t('Layerwise: Run Container failed: {0}', reason),
  runInteractive: (reason) => t('Layerwise: Run Interactive failed: {0}', reason),
  buildAndRun: (reason) => t('Layerwise: Build and Run failed: {0}', reason),
  stopContainer: (reason) => t('Layerwise: Stop Container failed: {0}', reason),
  showLogs: (reason) => t('Layerwise: Show Logs failed: {0}', reason),
  openShell: (reason) => t('Layerwise: Open Shell failed: {0}', reason),
};

const handlers: Record<DockerCommandName, Handler> = {
  buildImage: (context, argument, options) =>
    buildImageCommand(argument, context.store, context.memory, context.builds, readBuildStageOptions(options)),
  runContainer: (context, argument) => runContainerCommand(argument, false, context),
  runInteractive: (context, argument) => runContainerCommand(argument, true, context),
  buildAndRun: async (context, argument) => {
    const result = await buildImageCommand(argument, context.store, context.memory, context.builds);
    if (result?.succeeded === true)
      await runContainerCommand(vscode.Uri.parse(result.dockerfileUri), false, context, result.imageTag);
  },
  stopContainer: (context, argument) => stopContainerCommand(argument, context.containers),
  showLogs: (context, argument) => showLogsCommand(argument, context.containers),
  openShell: (context, argument) => openShellCommand(argument, context.containers),
};

export function registerDockerCommands(context: CommandContext): vscode.Disposable {
  return vscode.Disposable.from(
    ...(Object.keys(dockerCommands) as DockerCommandName[]).map((name) =>
      vscode.commands.registerCommand(dockerCommands[name].id, async (argument: unknown, options: unknown) => {
        try {
          await handlers[name](context, argument, options);
        } catch (error) {
          void vscode.window.showErrorMessage(
            failureMessages[name](error instanceof Error ? error.message : String(error)),
          );
        }
      }),
    ),
  );
}
