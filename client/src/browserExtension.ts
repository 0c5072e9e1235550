// The entry of dist/browser/extension.js (package.json `browser`): Layerwise in VS Code for the
// Web and other web extension hosts. The language server runs in a web worker
// (dist/browser/server.js) and reads the workspace through this client (files/fileRequests.ts).
// Docker itself is not there: building, running, tasks and base-image facts are desktop features,
// and their commands are hidden: package.json shows them only where a Node extension host can run
// them (`!isWeb || remoteName`: the desktop, or a browser attached to a remote such as code-server
// or Codespaces), and never once this entry has set `layerwise.webExtensionHost` (the remote's
// Layerwise forced into the web worker).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { READ_DIRECTORY, READ_FILE, WASM_LOCATION_OPTION } from '../../protocol/src/protocol';
import { readExtensionFile } from './files/extensionFiles';
import { answerReadDirectory, answerReadFile, type WorkspaceFileSystem } from './files/fileRequests';
import { startLayerwise, stopLayerwise } from './languageClientStart';
import { registerBrowserWalkthrough } from './walkthrough/browserWalkthrough';

/** The web worker constructor of the extension host (the project's lib types are Node's). */
type WorkerConstructor = new (
  url: string,
  options?: { name?: string },
) => ConstructorParameters<typeof LanguageClient>[3];

/** Set while Layerwise runs in a web worker: package.json hides the Docker commands then. */
const WEB_HOST_CONTEXT_KEY = 'layerwise.webExtensionHost';

const WASM_FILES = ['tree-sitter.wasm', 'tree-sitter-bash.wasm', 'sh-syntax.wasm'];

/**
 * A `blob:` URL holding one of the extension's files. The extension may live behind a URI a worker
 * cannot load (`vscode-remote:` in code-server, where VS Code refuses such workers); the extension
 * host's fetch translates those, and a blob: URL of this origin loads in the worker and its fetch.
 */
async function blobUrl(file: vscode.Uri, type: string): Promise<string> {
  return URL.createObjectURL(new Blob([await readExtensionFile(file)], { type }));
}

/**
 * A URL the server's worker can fetch `file` from. A `blob:` URL made here is not fetchable from the
 * worker (Chromium: "Failed to fetch", seen in code-server), but the http(s) URL the host's fetch
 * resolved `vscode-remote:` to is; on vscode.dev the extension's URI is https already.
 */
async function fetchableUrl(file: vscode.Uri, type: string): Promise<string> {
  try {
    // GET, not HEAD (code-server answers HEAD with 405); the URL is known once the headers are in.
    const response = await fetch(file.toString(true));
    await response.body?.cancel();
    if (response.ok && /^https?:/i.test(response.url)) return response.url;
  } catch {
    // Not served over http(s): the worker gets the bytes as a blob.
  }
  return blobUrl(file, type);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await vscode.commands.executeCommand('setContext', WEB_HOST_CONTEXT_KEY, true);
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const [serverUrl, ...wasmUrls] = await Promise.all([
    blobUrl(vscode.Uri.joinPath(dist, 'browser', 'server.js'), 'text/javascript'),
    ...WASM_FILES.map((file) => fetchableUrl(vscode.Uri.joinPath(dist, file), 'application/wasm')),
  ]);
  const workspaceFs: WorkspaceFileSystem = {
    stat: (uri) => vscode.workspace.fs.stat(vscode.Uri.parse(uri)),
    readFile: (uri) => vscode.workspace.fs.readFile(vscode.Uri.parse(uri)),
    readDirectory: (uri) => vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri)),
  };
  await startLayerwise(context, {
    // Any scheme: a virtual workspace's documents are not `file:`.
    documentSelector: [{ language: 'dockerfile' }],
    // The worker fetches the shell parser's and printer's .wasm files from these.
    initializationOptions: {
      [WASM_LOCATION_OPTION]: Object.fromEntries(WASM_FILES.map((file, index) => [file, wasmUrls[index]])),
    },
    createClient: (options) => {
      const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
      const worker = new Worker(serverUrl!, { name: 'Layerwise language server' });
      return new LanguageClient('layerwise', 'Layerwise', options, worker);
    },
    register: (languageClient, serverStarted) => [
      languageClient.onRequest(READ_FILE, (params) => answerReadFile(workspaceFs, params)),
      languageClient.onRequest(READ_DIRECTORY, (params) => answerReadDirectory(workspaceFs, params)),
      // The walkthrough's reading steps, on untitled copies of the example's files.
      registerBrowserWalkthrough(context, serverStarted),
    ],
  });
}

export function deactivate(): Promise<void> {
  return stopLayerwise();
}
