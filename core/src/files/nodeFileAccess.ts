// The FileAccess of the desktop server and the CLI: Node's fs, synchronous where the rules need it.
import { constants, opendirSync, readFileSync, statSync } from 'node:fs';
import { type FileHandle, open, opendir, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileAccess, FileStat, FolderEntry, FolderNames } from './fileAccess';

/** Entries read from the file system at a time by `openFolder`: the longest stretch of work between two yields. */
const FOLDER_BATCH = 128;

function toStat(found: { isFile(): boolean; isDirectory(): boolean; size: number }): FileStat {
  return { isFile: found.isFile(), isDirectory: found.isDirectory(), size: found.size };
}

export const nodeFiles: FileAccess = {
  pathOf(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  uriOf: (path) => pathToFileURL(path).href,
  stat: (path) => toStat(statSync(path)),
  readText: (path) => readFileSync(path, 'utf8'),
  readFolder(path, max) {
    const dir = opendirSync(path);
    const entries: FolderEntry[] = [];
    try {
      for (let entry = dir.readSync(); entry; entry = dir.readSync()) {
        if (entries.length >= max) return { entries, complete: false };
        entries.push(entry);
      }
      return { entries, complete: true } satisfies FolderNames;
    } catch {
      return { entries, complete: false };
    } finally {
      dir.closeSync();
    }
  },
  openFolder: (path) => opendir(path, { bufferSize: FOLDER_BATCH }),
  statLater: async (path) => toStat(await stat(path)),
  readRegularFile,
};

/**
 * Only a regular file of reasonable size is read: a FIFO would block a reading open until some
 * writer came, a device would never end, and a huge file would stall the server.
 */
async function readRegularFile(path: string, maxBytes: number): Promise<string | undefined> {
  let handle: FileHandle | undefined;
  try {
    // stat never opens the file: anything but a regular file is turned away before it can block.
    const found = await stat(path);
    if (!found.isFile() || found.size > maxBytes) return undefined;
    // Should the path have become a FIFO since, a non-blocking open still returns at once, and fstat tells.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = await handle.stat();
    if (!opened.isFile() || opened.size > maxBytes) return undefined;
    // One byte more than the size: a file that grows while it is read is not taken half-way.
    const buffer = Buffer.alloc(opened.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return length > opened.size ? undefined : buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
