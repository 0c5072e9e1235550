// Starts dist/server.js (or any server) over stdio and speaks real LSP to it.
import { type ChildProcess, spawn } from 'node:child_process';
import { basename, resolve } from 'node:path';
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
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly waiters: { uri: string; version: number | undefined; resolve: (p: PublishedDiagnostics) => void }[] =
    [];
  readonly published = new Map<string, PublishedDiagnostics>();
  readonly logs: string[] = [];
  private readonly logWaiters: { text: string; resolve: () => void }[] = [];

  private constructor(readonly process: ChildProcess) {
    this.connection = createMessageConnection(
      new StreamMessageReader(process.stdout!),
      new StreamMessageWriter(process.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
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

  /** `workspaceFolders`: folder paths sent with initialize (none by default, as VS Code with a lone file open). */
  static async start(
    options: {
      serverPath?: string;
      args?: string[];
      initializationOptions?: unknown;
      configuration?: unknown;
      workspaceFolders?: string[];
    } = {},
  ): Promise<LspClient> {
    const child = spawn(process.execPath, [options.serverPath ?? SERVER_PATH, ...(options.args ?? ['--stdio'])], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', () => undefined);
    const client = new LspClient(child);
    if (options.configuration !== undefined) client.configuration = options.configuration;
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
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
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    if (this.process.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 2000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
