// Reads a Dockerfile that is not open in the editor (for workspace-wide requests).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildModel, type DockerfileModel } from '../model';
import { parseText } from '../parser';

/** The model of the file behind a `file:` URI; undefined when it cannot be read. */
export function readDockerfileModel(uri: string): DockerfileModel | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return buildModel(parseText(readFileSync(fileURLToPath(uri), 'utf8')).tree);
  } catch {
    return undefined;
  }
}
