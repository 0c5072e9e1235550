// Speaks real LSP to a Layerwise server: dist/server.js (or any server) spawned over stdio, or
// the server from the sources running in this process over in-memory streams (`in-process`).
import { type ChildProcess, spawn } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

export const SERVER_PATH = resolve(__dirname, '../../dist/server.js');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  /**
   * A first answer at open that the full diagnostics of the same version follow
   * (server/src/service/documentChecks.ts).
   */
  partial?: true;
}

/**
 * How the client reaches the server. `stdio` spawns the bundle (or `serverPath`) as VS Code does:
 * for startup, process-level behaviour (exit, crash, memory) and hostile input. `in-process` runs
 * createServer from the sources in the test process: no bundle needed and much faster to start,
 * but there is no process to inspect.
 */
export type LspTransport = 'stdio' | 'in-process';

export interface LspClientOptions {
  /** `stdio` unless told. */
  transport?: LspTransport;
  /** stdio only: the server script (dist/server.js by default) and its arguments (`--stdio`). */
  serverPath?: string;
  args?: string[];
  initializationOptions?: unknown;
  configuration?: unknown;
  /** Folder paths sent with initialize (none by default, as VS Code with a lone file open). */
  workspaceFolders?: string[];
}

/** The server's end: a child process, or a connection in this process with the pipes to it. */
type ServerEnd =
  | { kind: 'stdio'; process: ChildProcess }
  | { kind: 'in-process'; connection: { dispose(): void }; pipes: PassThrough[] };

export class LspClient {
  readonly connection: MessageConnection;
  private readonly waiters: { uri: string; version: number | undefined; resolve: (p: PublishedDiagnostics) => void }[] =
    [];
  readonly published = new Map<string, PublishedDiagnostics>();
  readonly logs: string[] = [];
  /** Hear every publish, partial ones too (`published` and the waits see only full diagnostics). */
  readonly publishListeners: ((params: PublishedDiagnostics) => void)[] = [];
  private readonly logWaiters: { text: string; resolve: () => void }[] = [];

  private constructor(
    private readonly server: ServerEnd,
    fromServer: Readable,
    toServer: Writable,
  ) {
    this.connection = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      for (const listener of this.publishListeners) listener(params);
      if (params.partial) return;
      this.published.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (
          waiter.uri === params.uri &&
          (waiter.version === undefined || params.version === undefined || params.version >= waiter.version)
        ) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      for (const waiter of [...this.logWaiters]) {
        if (params.message.includes(waiter.text)) {
          this.logWaiters.splice(this.logWaiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map(() => this.configuration),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  configuration: unknown = {};
  initializeResult: unknown;

  /** The server's process (stdio only). */
  get process(): ChildProcess {
    if (this.server.kind !== 'stdio') throw new Error('an in-process server has no process: start it over stdio');
    return this.server.process;
  }

  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const inProcess = options.transport === 'in-process';
    if (inProcess && (options.serverPath !== undefined || options.args !== undefined))
      throw new Error('serverPath and args are for a server started over stdio');
    const client = inProcess ? await LspClient.inProcess() : LspClient.spawned(options.serverPath, options.args);
    if (options.configuration !== undefined) client.configuration = options.configuration;
    client.initializeResult = await client.connection.sendRequest('initialize', {
      // An in-process server must not watch this process: it would poll it on a timer that never stops.
      processId: inProcess ? null : process.pid,
      rootUri: options.workspaceFolders?.[0] === undefined ? null : pathToFileURL(options.workspaceFolders[0]).href,
      workspaceFolders:
        options.workspaceFolders?.map((folder) => ({ uri: pathToFileURL(folder).href, name: basename(folder) })) ??
        null,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: false },
          workspaceFolders: true,
        },
        textDocument: {
          synchronization: { didSave: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        },
      },
      initializationOptions: options.initializationOptions ?? {},
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  private static spawned(serverPath = SERVER_PATH, args = ['--stdio']): LspClient {
    const child = spawn(process.execPath, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', () => undefined);
    return new LspClient({ kind: 'stdio', process: child }, child.stdout!, child.stdin!);
  }

  private static async inProcess(): Promise<LspClient> {
    // Loaded on first use: a file that only spawns the bundle does not load the server's sources.
    const { startServerOnStreams } = await import('../../server/src/streamServer');
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    const connection = startServerOnStreams(toServer, fromServer);
    return new LspClient({ kind: 'in-process', connection, pipes: [toServer, fromServer] }, fromServer, toServer);
  }

  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishedDiagnostics> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p);
        },
      });
    });
  }

  /** Resolves when the server logs a line containing `text` (at once if it already has). */
  waitForLog(text: string, timeoutMs = 10_000): Promise<void> {
    if (this.logs.some((line) => line.includes(text))) return Promise.resolve();
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no log line containing "${text}" within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.logWaiters.push({
        text,
        resolve: () => {
          clearTimeout(timer);
          resolvePromise();
        },
      });
    });
  }

  async open(uri: string, text: string, version = 1, languageId = 'dockerfile'): Promise<PublishedDiagnostics> {
    const diagnostics = this.waitForDiagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
    return diagnostics;
  }

  async change(uri: string, version: number, contentChanges: unknown[]): Promise<PublishedDiagnostics> {
    const diagnostics = this.waitForDiagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges,
    });
    return diagnostics;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await within(this.connection.sendRequest('shutdown'), 2000);
      // In-process, `exit` would end the test process (vscode-languageserver calls process.exit):
      // the server stopped its work on `shutdown`; closing the pipes below ends it.
      if (this.server.kind === 'stdio') await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    const { server } = this;
    if (server.kind === 'in-process') {
      this.connection.dispose();
      server.connection.dispose();
      for (const pipe of server.pipes) pipe.destroy();
      return;
    }
    if (server.process.exitCode === null)
      await within(new Promise((resolve) => server.process.once('exit', resolve)), 2000);
    this.connection.dispose();
    if (server.process.exitCode === null) server.process.kill();
  }
}

/** Waits for `promise`, but no longer than `ms` (the timer is cleared either way). */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
