// Lines of at most 120 characters in every TypeScript source, test and script. The formatter
// (Biome) wraps code at 120 but leaves long strings and comments alone; this catches those.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX = 120;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file && !file.includes('fixtures/') && !file.startsWith('test/e2e/workspace/'));
const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  text.split('\n').forEach((line, index) => {
    if (line.length > MAX) long.push(`${file}:${index + 1} (${line.length})`);
  });
}
if (long.length > 0) {
  console.error(`check-line-width: ${long.length} line(s) over ${MAX} characters:\n  ${long.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-line-width: every line fits in ${MAX} characters`);
