// A stand-in for vscode.workspace.fs over a real folder, for the client's file answers
// (client/src/files/fileRequests.ts) outside VS Code: the same FileType bits and the same error
// codes (FileNotFound, FileNotADirectory, NoPermissions) as VS Code's file system errors.
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { WorkspaceFileSystem } from '../../client/src/files/fileRequests';

const FILE = 1;
const DIRECTORY = 2;
const SYMBOLIC_LINK = 64;

const VSCODE_CODES: Readonly<Record<string, string>> = {
  ENOENT: 'FileNotFound',
  ENOTDIR: 'FileNotADirectory',
  EACCES: 'NoPermissions',
  EPERM: 'NoPermissions',
};

/** Rethrows a Node error as VS Code's FileSystemError would look (its `code`). */
async function asVscode<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw Object.assign(new Error((error as Error).message), { code: VSCODE_CODES[code] ?? 'Unknown' });
  }
}

export const nodeWorkspaceFs: WorkspaceFileSystem = {
  stat: (uri) =>
    asVscode(
      (async () => {
        const path = fileURLToPath(uri);
        const found = await stat(path);
        const link = (await lstat(path)).isSymbolicLink() ? SYMBOLIC_LINK : 0;
        return { type: (found.isDirectory() ? DIRECTORY : found.isFile() ? FILE : 0) | link, size: found.size };
      })(),
    ),
  readFile: (uri) => asVscode(readFile(fileURLToPath(uri))),
  readDirectory: (uri) =>
    asVscode(
      (async () => {
        const entries = await readdir(fileURLToPath(uri), { withFileTypes: true });
        return entries.map((entry): [string, number] => [
          entry.name,
          entry.isSymbolicLink() ? SYMBOLIC_LINK : entry.isDirectory() ? DIRECTORY : FILE,
        ]);
      })(),
    ),
};
