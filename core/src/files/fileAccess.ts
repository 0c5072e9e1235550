// Everything Layerwise reads from disk goes through a FileAccess: Node's fs on the desktop and in
// the CLI (nodeFileAccess.ts), the editor's workspace.fs over typed requests in the browser
// (server/src/browser/requestFileAccess.ts). The rules run synchronously, so the reads they need
// (a stat, a small file, one folder's names) are synchronous; an access that must ask someone
// else throws a NOT_READ_YET error at once, asks, and tells its owner when the answer differs
// from "absent" so the document is checked again. Walks and whole-file reads are asynchronous.

/** What a path holds; links followed. */
export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
}

/** One name in a folder. A symbolic link is never a directory here (walks do not follow links). Node's Dirent fits. */
export interface FolderEntry {
  readonly name: string;
  isDirectory(): boolean;
}

export interface FolderNames {
  entries: FolderEntry[];
  /** Every name of the folder is there (false when it holds more than asked for, or reading stopped). */
  complete: boolean;
}

export interface FileAccess {
  /** The path behind a document URI, when this access can read it (never for untitled documents). */
  pathOf(uri: string): string | undefined;
  /** The URI of a path this access reads (for links and edits). */
  uriOf(path: string): string;
  /** Throws an error with a Node-style `code` (ENOENT, ENOTDIR, EACCES, NOT_READ_YET, ...). */
  stat(path: string): FileStat;
  /** A file's UTF-8 text; throws like `stat`. */
  readText(path: string): string;
  /** At most `max` names of one folder; throws like `stat`. */
  readFolder(path: string, max: number): FolderNames;
  /** A folder's names as they are read; closing the iteration early releases the folder. */
  openFolder(path: string): Promise<AsyncIterable<FolderEntry>>;
  /** `stat` that waits for its answer. */
  statLater(path: string): Promise<FileStat>;
  /** The text of a regular file of at most `maxBytes`; undefined for anything else or when it cannot be read. */
  readRegularFile(path: string, maxBytes: number): Promise<string | undefined>;
}

/** The code of the error a synchronous read throws while its answer is on the way. */
export const NOT_READ_YET = 'NOT_READ_YET';

/** An error carrying a Node-style code, so callers read every access's errors the same way. */
export function fileError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/** The Node-style code of a file error, if it has one. */
export function fileErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Nothing is there (the path or a folder on the way): not a failure to report. */
export function isAbsent(error: unknown): boolean {
  const code = fileErrorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}
