// Runs the browser bundle of the server (dist/browser/server.js) as a web worker would, without a
// browser: a Node worker thread whose global `self` is a port over the thread's parentPort (what
// vscode-languageserver/browser reads and writes). Its .wasm files come over HTTP from dist/ (a
// loopback server: Node's fetch has no file: URLs), as a browser fetches them from the extension's
// folder; its file requests (layerwise/fs/*) are answered by the client's code
// (client/src/files/fileRequests.ts) over the real disk.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { answerReadDirectory, answerReadFile } from '../../client/src/files/fileRequests';
import { READ_DIRECTORY, READ_FILE } from '../../protocol/src/protocol';
import { nodeWorkspaceFs } from './nodeWorkspaceFs';

const DIST = resolve(__dirname, '../../dist');
export const BROWSER_SERVER_PATH = join(DIST, 'browser', 'server.js');

/** Runs in the worker: `self` is a port over parentPort, then the bundle loads. */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const port = {
  onmessage: null,
  location: { href: workerData.href },
  addEventListener() {},
  postMessage: (message) => parentPort.postMessage(message),
};
parentPort.on('message', (data) => port.onmessage && port.onmessage({ data }));
globalThis.self = port;
require(workerData.bundle);
`;

class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
    worker.on('error', (error) => this.fireError(error));
  }

  listen(callback: DataCallback): { dispose(): void } {
    const listener = (message: Message): void => callback(message);
    this.worker.on('message', listener);
    return { dispose: () => this.worker.off('message', listener) };
  }
}

class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }

  async write(message: Message): Promise<void> {
    this.worker.postMessage(message);
  }

  end(): void {}
}

/** dist/*.wasm over HTTP on loopback; `url` is the folder URL the client would send. */
export async function serveWasm(): Promise<{ url: string; close(): void }> {
  const server: Server = createServer((request, response) => {
    const name = (request.url ?? '').slice(1);
    if (!/^[\w.-]+\.wasm$/.test(name)) return void response.writeHead(404).end();
    readFile(join(DIST, name)).then(
      (bytes) => response.writeHead(200, { 'content-type': 'application/wasm' }).end(bytes),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: { code?: string | number; message: string; range: unknown }[];
  partial?: true;
}

export interface WorkerServer {
  connection: MessageConnection;
  /** The full diagnostics last published per URI. */
  published: Map<string, PublishedDiagnostics>;
  /** Every URI the server asked the client to read or list. */
  fileRequests: string[];
  /** Milliseconds from starting the worker to the answer to `initialize`. */
  initializeMs: number;
  /** The server's capabilities, from its answer to `initialize` (the semantic tokens' legend). */
  capabilities: Record<string, unknown>;
  stop(): Promise<void>;
}

/**
 * A worker running the bundle with a client connected, initialized with `folder` as the workspace;
 * `wasm` is what the browser client sends: the .wasm files' folder URL, or a URL per file.
 */
export async function startWorkerServer(folder: string, wasm: string | Record<string, string>): Promise<WorkerServer> {
  const started = performance.now();
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { bundle: BROWSER_SERVER_PATH, href: pathToFileURL(BROWSER_SERVER_PATH).href },
  });
  const connection = createMessageConnection(new WorkerReader(worker), new WorkerWriter(worker));
  const published = new Map<string, PublishedDiagnostics>();
  const fileRequests: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
    if (!params.partial) published.set(params.uri, params);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest(READ_FILE, (params) => {
    fileRequests.push(params.uri);
    return answerReadFile(nodeWorkspaceFs, params);
  });
  connection.onRequest(READ_DIRECTORY, (params) => {
    fileRequests.push(params.uri);
    return answerReadDirectory(nodeWorkspaceFs, params);
  });
  connection.listen();
  const initialized = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: null,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'root' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} },
    },
    initializationOptions: { locale: 'en', wasm },
  });
  const initializeMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    published,
    fileRequests,
    initializeMs,
    capabilities: initialized.capabilities,
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.dispose();
      await worker.terminate();
    },
  };
}
