// The docs folder (core/docs) as data: relative path ('en/instruction/RUN.md') -> file text.
// Run from sources (tests under tsx) it reads the folder once; scripts/build.mjs replaces this
// module in dist/server.js with one that holds the same map, so the bundled server reads no files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DOCS_FOLDER = join(__dirname, '../../docs');

function readDocsFolder(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!/\.(md|json)$/.test(entry)) continue;
    files.set(entry.split('\\').join('/'), readFileSync(join(folder, entry), 'utf8'));
  }
  return files;
}

export const DOC_FILES: ReadonlyMap<string, string> = readDocsFolder(DOCS_FOLDER);
