// Layerwise client: starts the language server and gives its logs an output channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { BUILD_RESULTS } from '../../server/src/protocol';
import { buildResults } from './build/buildResults';
import { forwardBuildResults } from './cache/buildResultsForwarder';
import { WATCHED_CONTEXT_FILES } from './cache/watchedFiles';
import { WHAT_REBUILDS_COMMAND, whatRebuilds } from './cache/whatRebuilds';
import { registerDockerFeatures } from './docker';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Layerwise');
  context.subscriptions.push(output);
  // Build and run from the editor (works without the language server).
  registerDockerFeatures(context);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
    ],
    outputChannel: output,
    initializationOptions: { locale: vscode.env.language },
    synchronize: {
      configurationSection: 'layerwise',
      // The server reads .dockerignore and .layerwise.json files and the manifests, lock files and
      // output folders the cache hints depend on; tell it when they change.
      fileEvents: WATCHED_CONTEXT_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
  };
  client = new LanguageClient('layerwise', 'Layerwise', serverOptions, clientOptions);
  const languageClient = client;
  context.subscriptions.push(
    vscode.commands.registerCommand(WHAT_REBUILDS_COMMAND, (uri?: vscode.Uri) => whatRebuilds(languageClient, uri)),
    // Each finished build's per-step results go to the server for the layer hints.
    forwardBuildResults(buildResults, (params) => void languageClient.sendNotification(BUILD_RESULTS.method, params)),
  );
  const started = Date.now();
  await client.start();
  output.appendLine(`Layerwise language server started in ${Date.now() - started} ms`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
