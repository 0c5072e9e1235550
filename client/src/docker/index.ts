// Registers everything docker-related: commands, task provider, build decorations,
// diagnostics and status bar. extension.ts calls registerDockerFeatures once.
import type * as vscode from 'vscode';
import { registerBuildDecorations } from '../build/buildDecorations';
import { registerBuildDiagnostics } from '../build/buildDiagnostics';
import { buildResults } from '../build/buildResults';
import { BuildTracker } from '../build/buildTracker';
import { registerBuildStatusBar } from '../build/buildStatusBar';
import { dockerCommands } from '../commands/commandCatalog';
import { registerDockerCommands } from '../commands/commandTable';
import { DockerfileMemory } from '../commands/dockerfileMemory';
import { registerDockerTaskProvider } from '../commands/dockerTaskProvider';
import { stopAllDockerProcesses } from './processRunner';
import { registerBuilderProbeCache } from './sessionBuilderProbe';
import { StartedContainers } from './startedContainers';

export function registerDockerFeatures(context: vscode.ExtensionContext): void {
  const memory = new DockerfileMemory(context.workspaceState);
  const containers = new StartedContainers();
  const builds = new BuildTracker();
  context.subscriptions.push(
    registerDockerCommands({ store: buildResults, memory, containers, builds }),
    registerDockerTaskProvider(buildResults, memory, builds),
    registerBuildDecorations(buildResults),
    registerBuildDiagnostics(buildResults),
    registerBuildStatusBar(buildResults, dockerCommands.buildImage.id),
    registerBuilderProbeCache(),
    // Nothing Layerwise started outlives the extension.
    {
      dispose: () => {
        stopAllDockerProcesses();
        builds.stopAll();
      },
    },
  );
}
