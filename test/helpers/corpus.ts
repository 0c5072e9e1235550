// The shared corpus of real Dockerfiles from official images (every one of them builds).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// LAYERWISE_CORPUS points elsewhere, e.g. from a git worktree that does not sit next to shared/.
export const CORPUS_DIR = process.env.LAYERWISE_CORPUS ?? resolve(__dirname, '../../../shared/corpus/official');

export interface CorpusFile {
  name: string;
  path: string;
  text: string;
}

export function corpusFiles(): CorpusFile[] {
  if (!existsSync(CORPUS_DIR)) throw new Error(`corpus not found at ${CORPUS_DIR}: the repository must sit next to shared/`);
  const files: CorpusFile[] = [];
  for (const folder of readdirSync(CORPUS_DIR).sort()) {
    for (const name of readdirSync(join(CORPUS_DIR, folder)).sort()) {
      const path = join(CORPUS_DIR, folder, name);
      files.push({ name: `${folder}/${name}`, path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}
