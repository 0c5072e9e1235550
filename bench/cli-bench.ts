// Times `layerwise check` over the whole official-images corpus as a fresh process (what CI
// pays), next to the linters of the same kind that install here.
// Usage: npm run bench:cli [-- --runs 5]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CORPUS_DIR } from '../test/helpers/corpus';
import { CLI_PATH } from '../test/helpers/cli';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 5;

interface Tool {
  name: string;
  command: string;
  args: string[];
  /** Whether an exit status means "ran and reported" rather than "broke". */
  ran: (status: number) => boolean;
}

function findingsOrClean(status: number): boolean {
  return status === 0 || status === 1;
}

const corpusFiles = readdirSync(CORPUS_DIR).flatMap((folder) =>
  readdirSync(join(CORPUS_DIR, folder)).map((name) => join(CORPUS_DIR, folder, name)),
);

const tools: Tool[] = [
  {
    name: 'layerwise check (glob)',
    command: process.execPath,
    args: [CLI_PATH, 'check', '--format', 'json', `${CORPUS_DIR}/**/*`],
    ran: findingsOrClean,
  },
  {
    name: 'layerwise check (file list)',
    command: process.execPath,
    args: [CLI_PATH, 'check', '--format', 'json', ...corpusFiles],
    ran: findingsOrClean,
  },
];
const dockerfilelint = resolve(__dirname, '../node_modules/dockerfilelint/bin/dockerfilelint');
if (existsSync(dockerfilelint))
  tools.push({
    name: 'dockerfilelint 1.8 (npm)',
    command: process.execPath,
    args: [dockerfilelint, '-j', ...corpusFiles],
    ran: () => true /* exits with its issue count */,
  });
// hadolint is in neither npm (the `hadolint` package downloads a binary from GitHub at install) nor
// Debian; measure it when someone has put it on PATH.
const hadolint = spawnSync('hadolint', ['--version']);
if (hadolint.status === 0)
  tools.push({ name: 'hadolint', command: 'hadolint', args: ['--no-fail', ...corpusFiles], ran: findingsOrClean });
else console.log('hadolint: not installed (not in npm or Debian); skipped');

function time(tool: Tool): number {
  const start = performance.now();
  const result = spawnSync(tool.command, tool.args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = performance.now() - start;
  if (result.error || result.status === null || !tool.ran(result.status)) {
    throw new Error(
      `${tool.name} failed (status ${result.status}): ${result.error?.message ?? result.stderr.slice(0, 500)}`,
    );
  }
  return elapsed;
}

console.log(`corpus: ${corpusFiles.length} Dockerfiles in ${CORPUS_DIR}; ${runs} runs each after one warm-up\n`);
console.log('tool                           median ms    min ms    max ms');
for (const tool of tools) {
  time(tool);
  const times = Array.from({ length: runs }, () => time(tool)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const fastest = times[0]!;
  const slowest = times[times.length - 1]!;
  const column = (ms: number) => ms.toFixed(0).padStart(9);
  console.log(`${tool.name.padEnd(30)} ${column(median)} ${column(fastest)} ${column(slowest)}`);
}
