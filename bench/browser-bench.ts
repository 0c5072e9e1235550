// The web extension's cost: the size of what a browser downloads (the two bundles and the .wasm
// files, raw and gzip) and how long the server takes to start in a web worker (a Node worker
// thread, test/helpers/browserWorkerServer.ts): to the answer to `initialize` (bundle loaded,
// shfmt's .wasm fetched and compiled) and to the first full diagnostics of a Dockerfile (the
// tree-sitter .wasm loaded, the folder read through the client).
// Usage: npm run build -- --production && node --import tsx bench/browser-bench.ts [--runs 5]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serveWasm, startWorkerServer } from '../test/helpers/browserWorkerServer';
import { makeFolder, removeFolders } from '../test/helpers/cli';

const DIST = resolve(__dirname, '../dist');
const FILES = [
  'browser/extension.js',
  'browser/server.js',
  'tree-sitter.wasm',
  'tree-sitter-bash.wasm',
  'sh-syntax.wasm',
];
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const DOCKERFILE = 'FROM node:22\nWORKDIR /app\nCOPY package.json ./\nRUN apt-get update && apt-get install curl\n';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  let total = 0;
  let totalGzip = 0;
  console.log('Download (raw / gzip):');
  for (const file of FILES) {
    const bytes = readFileSync(join(DIST, file));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    total += bytes.length;
    totalGzip += gzip;
    console.log(`  ${file.padEnd(24)} ${kib(bytes.length).padStart(9)} / ${kib(gzip).padStart(8)}`);
  }
  console.log(`  ${'total'.padEnd(24)} ${kib(total).padStart(9)} / ${kib(totalGzip).padStart(8)}`);

  const wasm = await serveWasm();
  const folder = makeFolder({ 'package.json': '{}', '.dockerignore': '.git\n' });
  const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
  const initialize: number[] = [];
  const diagnostics: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const server = await startWorkerServer(folder, wasm.url);
      initialize.push(server.initializeMs);
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version: 1, text: DOCKERFILE },
      });
      // The first full diagnostics that include a rule reading RUN through tree-sitter-bash.
      for (;;) {
        const codes = server.published.get(uri)?.diagnostics.map((d) => d.code) ?? [];
        if (codes.includes('AptGetInstallWithoutYes')) break;
        if (performance.now() - started > 30_000) throw new Error(`no shell diagnostics: ${JSON.stringify(codes)}`);
        await new Promise((done) => setTimeout(done, 2));
      }
      diagnostics.push(performance.now() - started);
      await server.stop();
    }
  } finally {
    wasm.close();
    removeFolders();
  }
  const format = (values: number[]): string =>
    `median ${median(values).toFixed(0)} ms (${values.map((v) => v.toFixed(0)).join(', ')})`;
  console.log(`Web worker server, ${RUNS} starts:`);
  console.log(`  worker start -> initialize answered: ${format(initialize)}`);
  console.log(`  worker start -> first diagnostics with shell rules: ${format(diagnostics)}`);
}

void main();
