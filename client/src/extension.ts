// Layerwise client: starts the language server and gives its logs an output channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
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
      // The server reads .dockerignore files; tell it when they change.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.dockerignore'),
    },
  };
  client = new LanguageClient('layerwise', 'Layerwise', serverOptions, clientOptions);
  const started = Date.now();
  await client.start();
  output.appendLine(`Layerwise language server started in ${Date.now() - started} ms`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
