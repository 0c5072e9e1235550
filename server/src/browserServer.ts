// The entry of dist/browser/server.js: the Layerwise server in a web worker (VS Code for the Web,
// code-server's web extension host), speaking LSP over the worker's messages. Files are read
// through the client's workspace.fs (browser/requestFileAccess.ts); the .wasm files are fetched
// from the extension's folder (browser/browserWasmFiles.ts). Everything else is createServer.ts.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { READ_DIRECTORY, READ_FILE, WASM_LOCATION_OPTION } from '../../protocol/src/protocol';
import { setWasmLocation } from './browser/browserWasmFiles';
import { RequestFileAccess } from './browser/requestFileAccess';
import { workspaceUris } from './browser/workspaceUris';
import { createServer } from './createServer';

/** A walk over a virtual file system asks once per folder: fewer entries, and a time limit. */
const BROWSER_WALK_LIMITS = { maxEntries: 5_000, maxFiles: 2_000, maxMilliseconds: 10_000 };

// The worker's global scope is its message port (the project's lib types are Node's, without `self`).
const worker = (globalThis as unknown as { self: ConstructorParameters<typeof BrowserMessageReader>[0] }).self;
const connection = createConnection(
  ProposedFeatures.all,
  new BrowserMessageReader(worker),
  new BrowserMessageWriter(worker),
);
const files = new RequestFileAccess(
  {
    readFile: (params) => connection.sendRequest(READ_FILE, params),
    readDirectory: (params) => connection.sendRequest(READ_DIRECTORY, params),
  },
  workspaceUris,
);
createServer(connection, {
  files,
  walkLimits: BROWSER_WALK_LIMITS,
  lateFiles: files,
  initialize: (params) => {
    const options = params.initializationOptions as Record<string, unknown> | undefined;
    setWasmLocation(options?.[WASM_LOCATION_OPTION]);
  },
});
