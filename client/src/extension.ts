// Layerwise client: starts the language server and gives its logs an output channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { BUILD_RESULTS, SHOW_DOCS_COMMAND } from '../../protocol/src/protocol';
import { buildResults } from './build/buildResults';
import { forwardBuildResults } from './cache/buildResultsForwarder';
import { WATCHED_CONTEXT_FILES } from './cache/watchedFiles';
import { WHAT_REBUILDS_COMMAND, whatRebuilds } from './cache/whatRebuilds';
import { registerShowDocs } from './commands/showDocsCommand';
import { registerDockerFeatures } from './docker';
import { registerTranslations } from './l10n/displayLanguage';
import { registerWalkthrough } from './walkthrough/walkthroughCommands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Layerwise');
  // Messages follow layerwise.docs.language (auto: the display language).
  context.subscriptions.push(output, registerTranslations(context));
  // Build and run from the editor (works without the language server).
  registerDockerFeatures(context);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
    ],
    outputChannel: output,
    // Hovers end with a command link to their full page: trust that one command, nothing else.
    markdown: { isTrusted: { enabledCommands: [SHOW_DOCS_COMMAND] } },
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
    registerShowDocs(languageClient),
    // Each finished build's per-step results go to the server for the layer hints.
    forwardBuildResults(buildResults, (params) => void languageClient.sendNotification(BUILD_RESULTS, params)),
  );
  const started = Date.now();
  const starting = client.start();
  // The buttons of the walkthrough "Learn Docker with Layerwise"; hovers they show wait for the server.
  context.subscriptions.push(
    registerWalkthrough(
      context,
      starting.catch(() => undefined),
    ),
  );
  await starting;
  output.appendLine(`Layerwise language server started in ${Date.now() - started} ms`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
