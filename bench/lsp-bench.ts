// Runs Layerwise's server and the peer (dockerfile-language-server-nodejs) side by side over
// stdio on the same generated files and prints latencies, peak memory and peer/ours ratios.
// Usage: npm run bench [-- --sizes 100,1000,10000 --samples 30 --open-samples 5 --server dist/server.js]
// (--server: another build of Layerwise to measure, e.g. one of an earlier commit.)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspClient, SERVER_PATH } from '../test/helpers/lspClient';
import { generateDockerfile, messyCopy } from './generate';

interface ServerUnderTest {
  name: string;
  path: string;
}

interface Figures {
  /** From didOpen to the first diagnostics published (a first answer, when the server sends one). */
  openMs: number;
  /** From didOpen to the full diagnostics (the same as `openMs` for a server that publishes once). */
  openFullMs: number;
  editP50: number;
  editP95: number;
  hoverP50: number;
  completionP50: number;
  peakRssMiB: number;
  /**
   * Formatting a messy copy of the file whose every RUN script is distinct: the first request
   * (nothing cached) and p50.
   */
  formatMessyFirst: number;
  formatMessyP50: number;
  /**
   * The first request on another messy copy (no script shared with the first) asked for a second
   * after its diagnostics.
   */
  formatMessyAfterIdle: number;
  /** p50 of each editor-feature request, by row label; NaN when the server lacks it. */
  features: Record<string, number>;
}

/** Editor-feature requests timed on every size: [row label, method, params]. */
function featureRequests(uri: string, lines: string[]): [string, string, unknown][] {
  const middle = Math.floor(lines.length / 2);
  const workdir = lines.findIndex((l, i) => i >= middle && l.startsWith('WORKDIR ${'));
  const continued = lines.findIndex((l, i) => i >= middle && l.startsWith('RUN apt-get update \\'));
  const textDocument = { uri };
  const onVariable = { textDocument, position: { line: workdir, character: 12 } };
  const window = {
    start: { line: middle, character: 0 },
    end: { line: Math.min(lines.length - 1, middle + 50), character: 0 },
  };
  const options = { tabSize: 4, insertSpaces: true };
  return [
    ['document symbols', 'textDocument/documentSymbol', { textDocument }],
    ['folding ranges', 'textDocument/foldingRange', { textDocument }],
    ['definition', 'textDocument/definition', onVariable],
    ['references', 'textDocument/references', { ...onVariable, context: { includeDeclaration: true } }],
    ['document highlight', 'textDocument/documentHighlight', onVariable],
    ['prepare rename', 'textDocument/prepareRename', onVariable],
    ['rename', 'textDocument/rename', { ...onVariable, newName: 'APP_ROOT' }],
    ['format document', 'textDocument/formatting', { textDocument, options }],
    ['format range (50 lines)', 'textDocument/rangeFormatting', { textDocument, range: window, options }],
    [
      'format on type (newline)',
      'textDocument/onTypeFormatting',
      { textDocument, position: { line: continued + 1, character: 4 }, ch: '\n', options },
    ],
    ['semantic tokens full', 'textDocument/semanticTokens/full', { textDocument }],
    ['semantic tokens range (50 lines)', 'textDocument/semanticTokens/range', { textDocument, range: window }],
    ['document links', 'textDocument/documentLink', { textDocument }],
    ['code lens', 'textDocument/codeLens', { textDocument }],
    ['inlay hints (50 lines)', 'textDocument/inlayHint', { textDocument, range: window }],
  ];
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const sizes = option('sizes', '100,1000,10000').split(',').map(Number);
const samples = Number(option('samples', '30'));
/**
 * Opening is timed on this many freshly started servers (the median is shown): one sample is
 * noise on a busy machine.
 */
const openSamples = Number(option('open-samples', '5'));

const servers: ServerUnderTest[] = [
  { name: 'layerwise', path: resolve(option('server', SERVER_PATH)) },
  { name: 'peer', path: resolve(__dirname, '../node_modules/dockerfile-language-server-nodejs/lib/server.js') },
];

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** How long the server is left alone after opening a file before the "after idle" format request. */
const IDLE_MS = 1000;

/** A request slower than this in total stops sampling early, so slow peers do not stall the run. */
const BUDGET_MS = 5000;

/** Request latencies; empty when the server does not implement the method. */
async function timeRequests(client: LspClient, method: string, params: unknown): Promise<number[]> {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < samples && !(times.length >= 1 && total > BUDGET_MS); i++) {
    const started = performance.now();
    try {
      await client.request(method, params);
    } catch {
      return [];
    }
    times.push(performance.now() - started);
    total += times[times.length - 1]!;
  }
  return times;
}

/** From didOpen to the first publish and to the full diagnostics, on a freshly started server. */
async function timeOpen(
  server: ServerUnderTest,
  uri: string,
  text: string,
  client?: LspClient,
): Promise<[number, number]> {
  const own = client ?? (await LspClient.start({ serverPath: server.path }));
  try {
    const started = performance.now();
    let firstMs: number | undefined;
    own.publishListeners.push((published) => {
      if (published.uri === uri && firstMs === undefined) firstMs = performance.now() - started;
    });
    await own.open(uri, text);
    const fullMs = performance.now() - started;
    return [firstMs ?? fullMs, fullMs];
  } finally {
    if (!client) await own.stop();
  }
}

async function measure(server: ServerUnderTest, text: string): Promise<Figures> {
  const uri = `file:///bench/${server.name}/Dockerfile`;
  const opens: [number, number][] = [];
  for (let i = 1; i < openSamples; i++) opens.push(await timeOpen(server, uri, text));
  const client = await LspClient.start({ serverPath: server.path });
  try {
    const lines = text.split('\n');
    opens.push(await timeOpen(server, uri, text, client));
    const openMs = percentile(
      opens.map(([first]) => first),
      50,
    );
    const openFullMs = percentile(
      opens.map(([, full]) => full),
      50,
    );
    let started: number;

    // Edits: type and delete a character at the end of a RUN line in the middle of the file.
    const runLine = lines.findIndex((l, i) => i >= lines.length / 2 && l.startsWith('RUN --mount'));
    const column = lines[runLine]!.length;
    const editTimes: number[] = [];
    let version = 1;
    for (let i = 0; i < samples * 2; i++) {
      version++;
      const change =
        i % 2 === 0
          ? {
              range: { start: { line: runLine, character: column }, end: { line: runLine, character: column } },
              text: 'x',
            }
          : {
              range: { start: { line: runLine, character: column }, end: { line: runLine, character: column + 1 } },
              text: '',
            };
      started = performance.now();
      await client.change(uri, version, [change]);
      editTimes.push(performance.now() - started);
    }

    const keywordLine = lines.findIndex((l, i) => i >= lines.length / 2 && l.startsWith('WORKDIR'));
    const hoverTimes = await timeRequests(client, 'textDocument/hover', {
      textDocument: { uri },
      position: { line: keywordLine, character: 2 },
    });
    const completionTimes = await timeRequests(client, 'textDocument/completion', {
      textDocument: { uri },
      position: { line: keywordLine, character: 3 },
    });
    const features: Record<string, number> = {};
    for (const [label, method, params] of featureRequests(uri, lines))
      features[label] = percentile(await timeRequests(client, method, params), 50);
    const messyUri = `file:///bench/${server.name}/messy/Dockerfile`;
    await client.open(messyUri, messyCopy(text));
    const formatParams = { textDocument: { uri: messyUri }, options: { tabSize: 4, insertSpaces: true } };
    started = performance.now();
    await client.request('textDocument/formatting', formatParams);
    const formatMessyFirst = performance.now() - started;
    const formatMessyP50 = percentile(await timeRequests(client, 'textDocument/formatting', formatParams), 50);
    // As a user formats: some time after opening. Multi-line RUNs get a first command of their own too.
    const idleUri = `file:///bench/${server.name}/idle/Dockerfile`;
    await client.open(idleUri, messyCopy(text.replace(/^RUN ([^-<].*\\)$/gm, 'RUN true && $1'), 1_000_000));
    await new Promise((resolveIdle) => setTimeout(resolveIdle, IDLE_MS));
    started = performance.now();
    await client.request('textDocument/formatting', { ...formatParams, textDocument: { uri: idleUri } });
    const formatMessyAfterIdle = performance.now() - started;
    return {
      formatMessyAfterIdle,
      formatMessyFirst,
      formatMessyP50,
      openMs,
      openFullMs,
      editP50: percentile(editTimes, 50),
      editP95: percentile(editTimes, 95),
      hoverP50: percentile(hoverTimes, 50),
      completionP50: percentile(completionTimes, 50),
      peakRssMiB: peakRssMiB(client.process.pid!),
      features,
    };
  } finally {
    await client.stop();
  }
}

const fmt = (n: number): string =>
  Number.isNaN(n) ? 'n/a' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
const ratio = (peer: number, ours: number): string =>
  ours > 0 && !Number.isNaN(peer) ? `${(peer / ours).toFixed(1)}x` : 'n/a';

function printRow(size: number, label: string, ours: number, peer: number, unit: string): void {
  const cell = (n: number): string => `${fmt(n)}${Number.isNaN(n) ? '' : ` ${unit}`}`;
  console.log(`| ${size} | ${label} | ${cell(ours)} | ${cell(peer)} | ${ratio(peer, ours)} |`);
}

async function main(): Promise<void> {
  console.log(
    `Layerwise (${servers[0]!.path}) vs dockerfile-language-server-nodejs: ${samples} samples per measure, ` +
      `opening timed on ${openSamples} fresh servers (median), node ${process.version}`,
  );
  console.log('| lines | measure | layerwise | peer | peer/layerwise |');
  console.log('|---|---|---|---|---|');
  for (const size of sizes) {
    const text = generateDockerfile(size);
    const [ours, peer] = [await measure(servers[0]!, text), await measure(servers[1]!, text)];
    const rows: [string, Exclude<keyof Figures, 'features'>, string][] = [
      ['open -> diagnostics', 'openMs', 'ms'],
      ['open -> full diagnostics', 'openFullMs', 'ms'],
      ['edit -> diagnostics p50', 'editP50', 'ms'],
      ['edit -> diagnostics p95', 'editP95', 'ms'],
      ['hover p50', 'hoverP50', 'ms'],
      ['completion p50', 'completionP50', 'ms'],
      ['peak RSS', 'peakRssMiB', 'MiB'],
      ['format document, messy copy, first request', 'formatMessyFirst', 'ms'],
      ['format document, messy copy p50', 'formatMessyP50', 'ms'],
      ['format document, another messy copy, first request 1 s after open', 'formatMessyAfterIdle', 'ms'],
    ];
    for (const [label, key, unit] of rows) {
      printRow(size, label, ours[key], peer[key], unit);
    }
    for (const label of Object.keys(ours.features))
      printRow(size, `${label} p50`, ours.features[label]!, peer.features[label] ?? NaN, 'ms');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
