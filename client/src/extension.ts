// The entry of dist/extension.js (package.json `main`): Layerwise on the desktop, the language server
// in a Node process, with Docker's build and run. The browser's entry is browserExtension.ts; what
// both share is languageClientStart.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { BUILD_RESULTS, IMAGE_FACTS_OPTION } from '../../protocol/src/protocol';
import { buildResults } from './build/buildResults';
import { forwardBuildResults } from './cache/buildResultsForwarder';
import { WHAT_REBUILDS_COMMAND, whatRebuilds } from './cache/whatRebuilds';
import { registerDockerFeatures } from './docker';
import { registerImageFacts } from './docker/imageFactsRequests';
import { startLayerwise, stopLayerwise } from './languageClientStart';
import { registerWalkthrough } from './walkthrough/walkthroughCommands';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  await startLayerwise(context, {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
    ],
    // The client answers layerwise/imageFacts from the local engine (docker/imageFactsRequests.ts).
    initializationOptions: { [IMAGE_FACTS_OPTION]: true },
    createClient: (options) => new LanguageClient('layerwise', 'Layerwise', serverOptions, options),
    register: (languageClient, serverStarted) => {
      // Build and run from the editor (works without the language server).
      registerDockerFeatures(context);
      return [
        vscode.commands.registerCommand(WHAT_REBUILDS_COMMAND, (uri?: vscode.Uri) => whatRebuilds(languageClient, uri)),
        // Each finished build's per-step results go to the server for the layer hints.
        forwardBuildResults(buildResults, (params) => void languageClient.sendNotification(BUILD_RESULTS, params)),
        // The server asks what base images set up; builds tell it that images changed.
        registerImageFacts(languageClient, buildResults),
        // The buttons of the walkthrough "Learn Docker with Layerwise"; hovers they show wait for the server.
        registerWalkthrough(context, serverStarted),
      ];
    },
  });
}

export function deactivate(): Promise<void> {
  return stopLayerwise();
}
