// The FileAccess of the server in a browser's web worker: every read is a typed request to the
// client (protocol READ_FILE / READ_DIRECTORY), which answers with vscode.workspace.fs. The rules
// read synchronously, so a synchronous read answers from what was asked before; the first time it
// throws NOT_READ_YET, asks, and once the answer shows something there (not "absent"), tells the
// server (`onAnswered`), which forgets what it built on the guess and checks again. Every request
// has a time limit: a file system that does not answer gives a clear error, never a hang.
import {
  type FileAccess,
  type FileStat,
  type FolderEntry,
  type FolderNames,
  fileError,
  fileErrorCode,
  isAbsent,
  NOT_READ_YET,
} from '../../../core/src/files/fileAccess';
import type {
  ReadDirectoryParams,
  ReadDirectoryResult,
  ReadFileParams,
  ReadFileResult,
} from '../../../protocol/src/protocol';
import type { WorkspaceUris } from './workspaceUris';

/** The two requests, sent to the client (a connection's sendRequest in the server). */
export interface FileRequests {
  readFile(params: ReadFileParams): Promise<ReadFileResult>;
  readDirectory(params: ReadDirectoryParams): Promise<ReadDirectoryResult>;
}

export interface RequestFileAccessOptions {
  /** How long one request may take. */
  timeoutMs?: number;
  /** Files up to this size come with their text (config files, .dockerignore). */
  textBytes?: number;
  /** Names of one folder asked for at most by a walk. */
  folderNames?: number;
  /** Answers remembered at most; past that all are forgotten (and asked again when needed). */
  maxRemembered?: number;
}

const DEFAULTS: Required<RequestFileAccessOptions> = {
  timeoutMs: 10_000,
  textBytes: 256 * 1024,
  folderNames: 10_000,
  maxRemembered: 20_000,
};

type Remembered<T> = { answer: T } | { asking: Promise<void> };

export class RequestFileAccess implements FileAccess {
  private readonly options: Required<RequestFileAccessOptions>;
  private readonly files = new Map<string, Remembered<ReadFileResult>>();
  private readonly folders = new Map<string, Remembered<ReadDirectoryResult>>();
  private readonly listeners: ((paths: readonly string[]) => void)[] = [];
  private answered = new Set<string>();
  /** Background questions not answered yet: the listeners hear once they are all in. */
  private asking = 0;

  constructor(
    private readonly requests: FileRequests,
    private readonly uris: WorkspaceUris,
    options: RequestFileAccessOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Called (batched) with the paths whose late answers found something the guess "absent" missed. */
  onAnswered(listener: (paths: readonly string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Files changed: everything remembered is asked again. */
  forget(): void {
    this.files.clear();
    this.folders.clear();
  }

  pathOf(uri: string): string | undefined {
    return this.uris.pathOf(uri);
  }

  uriOf(path: string): string {
    return this.uris.uriOf(path);
  }

  stat(path: string): FileStat {
    return toStat(path, this.rememberedFile(path));
  }

  readText(path: string): string {
    const answer = this.rememberedFile(path);
    if (answer.kind === 'file' && answer.text !== undefined) return answer.text;
    if (answer.kind === 'file')
      throw fileError('EFBIG', `${path} is over ${this.options.textBytes} bytes: not read through the editor`);
    toStat(path, answer);
    throw fileError('EISDIR', `${path} is not a file`);
  }

  readFolder(path: string, max: number): FolderNames {
    const remembered = this.folders.get(path);
    if (!remembered) {
      this.ask(this.folders, path, this.requests.readDirectory({ uri: this.uriOf(path), max }), folderFound);
      throw fileError(NOT_READ_YET, `${path}: asked the editor`);
    }
    if ('asking' in remembered) throw fileError(NOT_READ_YET, `${path}: asked the editor`);
    const answer = remembered.answer;
    if (answer.kind === 'error') throw fileError(answer.code, answer.message);
    const entries = answer.entries.slice(0, max).map(toEntry);
    return { entries, complete: answer.complete && answer.entries.length <= max };
  }

  async openFolder(path: string): Promise<AsyncIterable<FolderEntry>> {
    const max = this.options.folderNames;
    const answer = await this.withTimeout(this.requests.readDirectory({ uri: this.uriOf(path), max }), path);
    if (answer.kind === 'error') throw fileError(answer.code, answer.message);
    const entries = answer.entries.map(toEntry);
    const complete = answer.complete;
    return (async function* () {
      yield* entries;
      // The walk keeps what came and reports the folder as not wholly listed.
      if (!complete) throw fileError('EMFILE', `more than ${max} names: the rest is not listed through the editor`);
    })();
  }

  async statLater(path: string): Promise<FileStat> {
    const answer = await this.withTimeout(this.requests.readFile({ uri: this.uriOf(path), maxBytes: 0 }), path);
    return toStat(path, answer);
  }

  async readRegularFile(path: string, maxBytes: number): Promise<string | undefined> {
    try {
      const answer = await this.withTimeout(this.requests.readFile({ uri: this.uriOf(path), maxBytes }), path);
      return answer.kind === 'file' ? answer.text : undefined;
    } catch {
      return undefined;
    }
  }

  private rememberedFile(path: string): ReadFileResult {
    const remembered = this.files.get(path);
    if (remembered && 'answer' in remembered) return remembered.answer;
    if (!remembered) {
      const asked = this.requests.readFile({ uri: this.uriOf(path), maxBytes: this.options.textBytes });
      this.ask(this.files, path, asked, (answer) => answer.kind !== 'error' || !isAbsent(answer));
    }
    throw fileError(NOT_READ_YET, `${path}: asked the editor`);
  }

  /** Remembers the answer to `asked`; tells the listeners when `found` says it is more than "absent". */
  private ask<T extends ReadFileResult | ReadDirectoryResult>(
    memory: Map<string, Remembered<T>>,
    path: string,
    asked: Promise<T>,
    found: (answer: T) => boolean,
  ): void {
    if (this.files.size + this.folders.size >= this.options.maxRemembered) this.forget();
    this.asking++;
    const entry: Remembered<T> = {
      asking: this.withTimeout(asked, path)
        .then(
          (answer) => this.remember(memory, path, entry, answer, found(answer)),
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            const code = fileErrorCode(error) ?? 'EIO';
            this.remember(memory, path, entry, { kind: 'error', code, message } as T, true);
          },
        )
        .finally(() => {
          this.asking--;
          this.tell();
        }),
    };
    memory.set(path, entry);
  }

  private remember<T>(
    memory: Map<string, Remembered<T>>,
    path: string,
    entry: Remembered<T>,
    answer: T,
    tell: boolean,
  ): void {
    // Forgotten meanwhile (files changed): the answer may be old.
    if (memory.get(path) !== entry) return;
    memory.set(path, { answer });
    if (tell) this.answered.add(path);
  }

  /**
   * Once every question is answered, the listeners hear which answers found something: one check
   * again for all the files a check asked about, never one built on half of them.
   */
  private tell(): void {
    if (this.asking > 0 || this.answered.size === 0) return;
    const paths = [...this.answered];
    this.answered = new Set();
    for (const listener of this.listeners) listener(paths);
  }

  private withTimeout<T>(asked: Promise<T>, path: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(fileError('ETIMEDOUT', `the editor did not answer for ${path} within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
    });
    return Promise.race([asked, timeout]).finally(() => clearTimeout(timer));
  }
}

function folderFound(answer: ReadDirectoryResult): boolean {
  return answer.kind === 'directory' ? answer.entries.length > 0 : !isAbsent(answer);
}

function toStat(path: string, answer: ReadFileResult): FileStat {
  if (answer.kind === 'error') throw fileError(answer.code, `${path}: ${answer.message}`);
  return { isFile: answer.kind === 'file', isDirectory: answer.kind === 'directory', size: answer.size };
}

function toEntry([name, directory]: [string, boolean]): FolderEntry {
  return { name, isDirectory: () => directory };
}
