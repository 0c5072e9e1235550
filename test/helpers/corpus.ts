// The shared corpus of real Dockerfiles from official images (every one of them builds).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** shared/corpus/official next to the repository, or next to a folder above it (git worktrees). */
function findCorpus(): string {
  const nextToRepository = resolve(__dirname, '../../../shared/corpus/official');
  for (let dir = resolve(__dirname, '../..'); dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dirname(dir), 'shared/corpus/official');
    if (existsSync(candidate)) return candidate;
  }
  return nextToRepository;
}

export const CORPUS_DIR = findCorpus();

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
