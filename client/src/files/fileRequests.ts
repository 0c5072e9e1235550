// The client's answers to the server's file requests (protocol READ_FILE / READ_DIRECTORY), sent
// by the server in a browser's web worker, which has no file system of its own: answered with
// vscode.workspace.fs, so virtual workspaces (vscode.dev, github.dev) are read as they are.
import type {
  ReadDirectoryParams,
  ReadDirectoryResult,
  ReadFileParams,
  ReadFileResult,
} from '../../../protocol/src/protocol';

/** The part of vscode.workspace.fs the answers use, URIs as strings (the entry wraps Uri.parse). */
export interface WorkspaceFileSystem {
  stat(uri: string): PromiseLike<{ type: number; size: number }>;
  readFile(uri: string): PromiseLike<Uint8Array>;
  readDirectory(uri: string): PromiseLike<[string, number][]>;
}

// vscode.FileType's bits.
const FILE = 1;
const DIRECTORY = 2;
const SYMBOLIC_LINK = 64;

/** Larger texts are never sent, whatever the server asks. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;
/** More names of one folder are never sent. */
const MAX_NAMES = 50_000;

export async function answerReadFile(fs: WorkspaceFileSystem, params: ReadFileParams): Promise<ReadFileResult> {
  try {
    const found = await fs.stat(String(params.uri));
    if (found.type & DIRECTORY) return { kind: 'directory', size: found.size };
    if (!(found.type & FILE)) return { kind: 'other', size: found.size };
    const maxBytes = Math.min(Number(params.maxBytes) || 0, MAX_TEXT_BYTES);
    if (found.size > maxBytes) return { kind: 'file', size: found.size };
    const bytes = await fs.readFile(String(params.uri));
    // A file that grew past the limit since the stat is not sent half-way.
    if (bytes.length > maxBytes) return { kind: 'file', size: bytes.length };
    return { kind: 'file', size: bytes.length, text: new TextDecoder().decode(bytes) };
  } catch (error) {
    return errorResult(error);
  }
}

export async function answerReadDirectory(
  fs: WorkspaceFileSystem,
  params: ReadDirectoryParams,
): Promise<ReadDirectoryResult> {
  try {
    const names = await fs.readDirectory(String(params.uri));
    const max = Math.min(Number(params.max) || 0, MAX_NAMES);
    // A link is listed as a link, never as the folder it points to: a walk does not follow it.
    const entries = names
      .slice(0, max)
      .map(([name, type]): [string, boolean] => [name, (type & DIRECTORY) !== 0 && (type & SYMBOLIC_LINK) === 0]);
    return { kind: 'directory', entries, complete: names.length <= max };
  } catch (error) {
    return errorResult(error);
  }
}

/** vscode.FileSystemError codes (and Node-style ones, passed through) as Node-style codes. */
const CODES: Readonly<Record<string, string>> = {
  FileNotFound: 'ENOENT',
  FileNotADirectory: 'ENOTDIR',
  FileIsADirectory: 'EISDIR',
  NoPermissions: 'EACCES',
  Unavailable: 'EIO',
};

function errorResult(error: unknown): { kind: 'error'; code: string; message: string } {
  const raw = (error as { code?: unknown } | undefined)?.code;
  const code = typeof raw === 'string' ? (CODES[raw] ?? (/^E[A-Z]+$/.test(raw) ? raw : 'EIO')) : 'EIO';
  return { kind: 'error', code, message: error instanceof Error ? error.message : String(error) };
}
