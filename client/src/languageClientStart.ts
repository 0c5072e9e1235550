// What the desktop entry (extension.ts) and the browser entry (browserExtension.ts) share: the
// output channel, the translations, the language client's options, the docs command, and starting
// the server with its start time in the log. Each entry brings its transport and its own features.
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentFilter, LanguageClientOptions } from 'vscode-languageclient';
import { SHOW_DOCS_COMMAND } from '../../protocol/src/protocol';
import { WATCHED_CONTEXT_FILES } from './cache/watchedFiles';
import { registerShowDocs } from './commands/showDocsCommand';
import { koreanLoaded, registerTranslations } from './l10n/displayLanguage';

export interface LayerwiseEntry<Client extends BaseLanguageClient> {
  /** The documents the server gets. */
  documentSelector: DocumentFilter[];
  /** Added to the shared initializationOptions (the editor's locale). */
  initializationOptions: Record<string, unknown>;
  /** The language client over the entry's transport. */
  createClient(options: LanguageClientOptions): Client;
  /** The entry's own features; `serverStarted` settles once the server has started (or failed to). */
  register(client: Client, serverStarted: Promise<unknown>): vscode.Disposable[];
}

/** The client from the moment it is created: deactivating while the server starts must stop it too. */
let running: { client: BaseLanguageClient; settled: Promise<unknown> } | undefined;

/** Starts Layerwise for `entry`; resolves with the started client. */
export async function startLayerwise<Client extends BaseLanguageClient>(
  context: vscode.ExtensionContext,
  entry: LayerwiseEntry<Client>,
): Promise<Client> {
  const output = vscode.window.createOutputChannel('Layerwise');
  // Messages follow layerwise.docs.language (auto: the display language).
  context.subscriptions.push(output, registerTranslations(context));
  await koreanLoaded();
  const client = entry.createClient({
    documentSelector: entry.documentSelector,
    outputChannel: output,
    // Hovers end with a command link to their full page: trust that one command, nothing else.
    markdown: { isTrusted: { enabledCommands: [SHOW_DOCS_COMMAND] } },
    initializationOptions: { locale: vscode.env.language, ...entry.initializationOptions },
    synchronize: {
      configurationSection: 'layerwise',
      // The server reads .dockerignore and .layerwise.json files and the manifests, lock files and
      // output folders the cache hints depend on; tell it when they change.
      fileEvents: WATCHED_CONTEXT_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
  });
  context.subscriptions.push(registerShowDocs(client));
  const started = Date.now();
  const starting = client.start();
  const settled = starting.catch(() => undefined);
  running = { client, settled };
  context.subscriptions.push(...entry.register(client, settled));
  await starting;
  output.appendLine(`Layerwise language server started in ${Date.now() - started} ms`);
  return client;
}

/** Stops the client startLayerwise created, whether or not its server has finished starting. */
export async function stopLayerwise(): Promise<void> {
  const current = running;
  running = undefined;
  if (current === undefined) return;
  // vscode-languageclient refuses to stop a client that is still starting: let the start settle first.
  await current.settled;
  if (current.client.isRunning()) await current.client.stop();
}
