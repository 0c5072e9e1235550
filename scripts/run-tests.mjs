// Runs every test/**/*.test.ts with node's built-in test runner (TypeScript through tsx), one
// child process per file, and checks that each file reported its own summary.
// Usage: node scripts/run-tests.mjs [substring filter...]
//
// Why not one `node --test --test-force-exit` over all files: with --test-force-exit, Node 20
// sometimes ends a file's process while its last suite is still reporting, and the lost tests
// vanish from the totals without a failure (shellPattern.test.ts reported 85 of 99, exit 0).
// Here a file passes only when its process printed the runner's summary and exited 0; a file
// that never finishes (a hung test, or a handle left open, which keeps node's test runner
// waiting) is stopped with its process group after FILE_TIME_LIMIT_MS and fails, named.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const FILE_TIME_LIMIT_MS = Number(process.env.TEST_FILE_LIMIT_MS ?? 10 * 60_000);
const END_CHECK = pathToFileURL(resolve('scripts/test-end-check.mjs')).href;
const SUMMARY_KEYS = ['tests', 'pass', 'fail', 'cancelled', 'skipped', 'todo'];

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'fixtures' || entry === 'e2e' || entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found.sort();
}

/** The counts of the spec reporter's closing summary (`ℹ tests 12` ...), once `duration_ms` is printed. */
function readSummary(output) {
  if (!/^ℹ duration_ms \d/m.test(output)) return undefined;
  const summary = {};
  for (const key of SUMMARY_KEYS) {
    const match = new RegExp(`^ℹ ${key} (\\d+)$`, 'm').exec(output);
    summary[key] = match ? Number(match[1]) : Number.NaN;
  }
  return summary;
}

/** Runs one file; resolves with its output, exit status, summary and what went wrong. */
function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', END_CHECK, '--test', '--test-reporter=spec', file],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
        // Its own process group, so a stop also ends the file's test process that node --test starts.
        detached: true,
      },
    );
    let output = '';
    let problem;
    const limitTimer = setTimeout(() => {
      problem = `did not finish within ${FILE_TIME_LIMIT_MS / 1000} s (a hung test or a handle left open)`;
      process.kill(-child.pid, 'SIGKILL');
    }, FILE_TIME_LIMIT_MS);
    const collect = (chunk) => {
      output += chunk;
    };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    child.on('close', (code, signal) => {
      clearTimeout(limitTimer);
      resolve({ file, output, code, signal, problem, summary: readSummary(output), ms: Date.now() - started });
    });
  });
}

const filters = process.argv.slice(2);
const files = findTests('test').filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('run-tests: no test files matched');
  process.exit(1);
}

// As many files at once as node --test runs by default.
const concurrency = Math.max(1, availableParallelism() - 1);
const results = [];
const queue = [...files];
async function worker() {
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const result = await runFile(file);
    process.stdout.write(`\n▶ ${file} (${(result.ms / 1000).toFixed(1)} s)\n${result.output}`);
    results.push(result);
  }
}
const started = Date.now();
await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));

const totals = Object.fromEntries(SUMMARY_KEYS.map((key) => [key, 0]));
const failed = [];
for (const result of results) {
  const { summary, code, problem, file } = result;
  if (summary) for (const key of SUMMARY_KEYS) totals[key] += summary[key];
  const finishedCleanly = summary !== undefined && summary.fail === 0 && summary.cancelled === 0;
  if (!finishedCleanly) failed.push(`${file}: ${problem ?? (summary ? 'tests failed' : 'ended without a summary')}`);
  else if (code !== 0) failed.push(`${file}: exited with ${code ?? result.signal} after passing its tests`);
  else if (Number.isNaN(summary.tests) || summary.tests !== summary.pass + summary.skipped + summary.todo)
    failed.push(`${file}: summary does not add up (${JSON.stringify(summary)})`);
}

console.log(`\nrun-tests: ${files.length} files in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`run-tests: ${SUMMARY_KEYS.map((key) => `${key} ${totals[key]}`).join(', ')}`);
for (const line of failed) console.log(`run-tests: FAILED ${line}`);
process.exit(failed.length === 0 ? 0 : 1);
