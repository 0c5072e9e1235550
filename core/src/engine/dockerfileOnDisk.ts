// Reads a Dockerfile that is not open in the editor (for workspace-wide requests). Only a regular
// file of reasonable size is read, asynchronously: a FIFO would block a reading open until some
// writer came, a device would never end, and a huge file would stall the server.
import { constants } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildModel, type DockerfileModel } from '../model';
import { parseText } from '../parser';

/** Larger files are not read (the largest official-image Dockerfile is under 20 KB). */
const MAX_DOCKERFILE_BYTES = 4 * 1024 * 1024;

/**
 * The model of the file behind a `file:` URI; undefined when it is not a regular file of at most
 * MAX_DOCKERFILE_BYTES or cannot be read.
 */
export async function readDockerfileModel(uri: string): Promise<DockerfileModel | undefined> {
  const text = await readDockerfileText(uri);
  if (text === undefined) return undefined;
  const parsed = parseText(text);
  return buildModel(parsed.tree, { lines: parsed.lines });
}

/** The text of the regular file behind a `file:` URI (see readDockerfileModel). */
async function readDockerfileText(uri: string, maxBytes = MAX_DOCKERFILE_BYTES): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  let handle: FileHandle | undefined;
  try {
    const path = fileURLToPath(uri);
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
