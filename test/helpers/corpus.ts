// The shared corpus of real Dockerfiles from official images (every one of them builds).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** shared/ sits next to the repository (CI, /work/main) or further up (git worktrees). */
function findCorpus(): string {
  let dir = resolve(__dirname, '../..');
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, '..', 'shared', 'corpus', 'official');
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(__dirname, '../../../shared/corpus/official');
}

export const CORPUS_DIR = findCorpus();

export interface CorpusFile {
  name: string;
  path: string;
  text: string;
}

export function corpusFiles(): CorpusFile[] {
  if (!existsSync(CORPUS_DIR))
    throw new Error(`corpus not found at ${CORPUS_DIR}: the repository must sit next to shared/`);
  const files: CorpusFile[] = [];
  for (const folder of readdirSync(CORPUS_DIR).sort()) {
    for (const name of readdirSync(join(CORPUS_DIR, folder)).sort()) {
      const path = join(CORPUS_DIR, folder, name);
      files.push({ name: `${folder}/${name}`, path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}
