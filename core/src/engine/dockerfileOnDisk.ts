// Reads a Dockerfile that is not open in the editor (for workspace-wide requests), through the
// server's FileAccess: only a regular file of reasonable size is read, asynchronously.
import type { FileAccess } from '../files/fileAccess';
import { nodeFiles } from '../files/nodeFileAccess';
import { buildModel, type DockerfileModel } from '../model';
import { parseText } from '../parser';

/** Larger files are not read (the largest official-image Dockerfile is under 20 KB). */
const MAX_DOCKERFILE_BYTES = 4 * 1024 * 1024;

/**
 * The model of the file behind a document URI; undefined when it is not a regular file of at most
 * MAX_DOCKERFILE_BYTES or cannot be read.
 */
export async function readDockerfileModel(
  uri: string,
  files: FileAccess = nodeFiles,
): Promise<DockerfileModel | undefined> {
  const path = files.pathOf(uri);
  const text = path === undefined ? undefined : await files.readRegularFile(path, MAX_DOCKERFILE_BYTES);
  if (text === undefined) return undefined;
  const parsed = parseText(text);
  return buildModel(parsed.tree, { lines: parsed.lines });
}
