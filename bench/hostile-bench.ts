// Times every hostile case (test/hostile/cases.ts) against budgets: `layerwise check` as a
// process (wall time), the server's open->diagnostics and hover, and the peer server's
// open->diagnostics side by side. Prints a Markdown table and exits with 1 when a budget is
// exceeded or a case fails. Budgets are checked here only, never in tests.
// Usage: npm run bench:hostile [-- --only name,name --no-peer --timeout 10000]
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { hostileCases } from '../test/hostile/cases';
import {
  caseUri,
  type CliOutcome,
  cliProblems,
  HostileServer,
  type LspOutcome,
  makeRoot,
  runCli,
  writeCase,
} from '../test/hostile/harness';

const BUDGET = { cliMs: 3_000, diagnosticsMs: 3_000, hoverMs: 1_000 };

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
/** Kill timeout: well above the budgets, so "timeout" means a hang, not a slow run. */
const timeoutMs = Number(option('timeout') ?? '10000');
const only = option('only')?.split(',');
const withPeer = !args.includes('--no-peer');
const PEER_PATH = resolve(__dirname, '../node_modules/dockerfile-language-server-nodejs/lib/server.js');

interface Row {
  name: string;
  cli: CliOutcome;
  cliProblems: string[];
  ours: LspOutcome;
  peer: LspOutcome | undefined;
}

async function main(): Promise<number> {
  const cases = hostileCases().filter((c) => !only || only.includes(c.name));
  const { root, remove } = makeRoot();
  const dockerfiles = new Map(cases.map((c) => [c.name, writeCase(c, root)]));
  const rows: Row[] = [];
  const started = performance.now();
  try {
    // One program at a time, so the timings do not compete for the two cores.
    const cli = new Map<string, CliOutcome>();
    for (const c of cases) {
      cli.set(c.name, await runCli(resolve(dockerfiles.get(c.name)!, '..'), timeoutMs));
      progress(`cli ${c.name}`);
    }
    const ours = await HostileServer.start();
    const oursOutcomes = new Map<string, LspOutcome>();
    for (const c of cases) {
      oursOutcomes.set(
        c.name,
        await ours.run(c, caseUri(dockerfiles.get(c.name)!), { diagnosticsMs: timeoutMs, hoverMs: timeoutMs }),
      );
      progress(`server ${c.name}`);
    }
    await ours.stop();
    const peerOutcomes = new Map<string, LspOutcome>();
    if (withPeer) {
      const peer = await HostileServer.start({ serverPath: PEER_PATH });
      for (const c of cases) {
        peerOutcomes.set(
          c.name,
          await peer.run(
            c,
            caseUri(dockerfiles.get(c.name)!),
            { diagnosticsMs: timeoutMs, hoverMs: timeoutMs },
            { hover: false },
          ),
        );
        progress(`peer ${c.name}`);
      }
      await peer.stop();
    }
    for (const c of cases) {
      const outcome = cli.get(c.name)!;
      rows.push({
        name: c.name,
        cli: outcome,
        cliProblems: cliProblems(outcome, timeoutMs),
        ours: oursOutcomes.get(c.name)!,
        peer: peerOutcomes.get(c.name),
      });
    }
  } finally {
    remove();
  }
  process.stderr.write('\n');
  return report(rows, (performance.now() - started) / 1000);
}

function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\u001b[K${text.slice(0, 70)}`);
}

const ms = (value: number): string => (value >= 1_000 ? `${(value / 1_000).toFixed(2)} s` : `${value.toFixed(0)} ms`);

function lspCell(outcome: LspOutcome | undefined, value: number | undefined): string {
  if (!outcome) return 'n/a';
  if (value !== undefined && outcome.problems.length === 0) return ms(value);
  const problem = outcome.problems[0] ?? '';
  if (value !== undefined) return `${ms(value)} (failed)`;
  if (problem.includes('no answer within')) return 'timeout';
  if (problem.includes('exited')) return 'died';
  return 'failed';
}

function report(rows: readonly Row[], seconds: number): number {
  const out: string[] = [];
  const budgets = `CLI < ${ms(BUDGET.cliMs)}, diagnostics < ${ms(BUDGET.diagnosticsMs)}, hover < ${ms(BUDGET.hoverMs)}`;
  out.push(`Hostile inputs: ${rows.length} cases, budgets ${budgets}; kill timeout ${ms(timeoutMs)}.`);
  out.push('');
  out.push('| input | CLI | diagnostics | hover | peer diagnostics | peer/ours | result |');
  out.push('|---|---:|---:|---:|---:|---:|---|');
  const failures: string[] = [];
  for (const row of rows) {
    const over: string[] = [];
    const cliOk = row.cliProblems.length === 0;
    if (!cliOk) over.push('CLI failed');
    else if (row.cli.ms > BUDGET.cliMs) over.push('CLI slow');
    const { ours, peer } = row;
    if (ours.diagnosticsMs === undefined || ours.hoverMs === undefined || ours.problems.length > 0)
      over.push('server failed');
    else {
      if (ours.diagnosticsMs > BUDGET.diagnosticsMs) over.push('diagnostics slow');
      if (ours.hoverMs > BUDGET.hoverMs) over.push('hover slow');
    }
    const cliCell = cliOk
      ? ms(row.cli.ms)
      : row.cli.timedOut
        ? 'timeout'
        : row.cli.status === 2
          ? `exit 2 (${ms(row.cli.ms)})`
          : `failed (${ms(row.cli.ms)})`;
    const peerOk = peer !== undefined && peer.problems.length === 0 && peer.diagnosticsMs !== undefined;
    const oursOk = ours.problems.length === 0 && ours.diagnosticsMs !== undefined;
    const ratio = peerOk && oursOk ? `${(peer.diagnosticsMs! / ours.diagnosticsMs!).toFixed(2)}×` : 'n/a';
    const oursCells = `${lspCell(ours, ours.diagnosticsMs)} | ${lspCell(ours, ours.hoverMs)}`;
    const result = over.length === 0 ? 'pass' : `**FAIL**: ${over.join(', ')}`;
    out.push(
      `| ${row.name} | ${cliCell} | ${oursCells} | ${lspCell(peer, peer?.diagnosticsMs)} | ${ratio} | ${result} |`,
    );
    if (!cliOk) {
      const cliError = row.cli.status === 2 ? ` — ${firstLine(row.cli.stderr)}` : '';
      failures.push(`- ${row.name}, CLI: ${row.cliProblems.join('; ')}${cliError}`);
    }
    for (const problem of ours.problems.slice(0, 3)) failures.push(`- ${row.name}, server: ${firstLines(problem)}`);
    if (ours.problems.length > 3) failures.push(`- ${row.name}, server: … and ${ours.problems.length - 3} more`);
  }
  out.push('');
  const failed = rows.filter((row) =>
    out.some((line) => line.startsWith(`| ${row.name} |`) && line.includes('**FAIL**')),
  ).length;
  out.push(`${rows.length - failed} of ${rows.length} within budget; ${seconds.toFixed(0)} s in all.`);
  if (failures.length > 0) out.push('', 'Failures:', ...failures);
  console.log(out.join('\n'));
  return failed === 0 ? 0 : 1;
}

const firstLine = (text: string): string =>
  text
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.slice(0, 300) ?? '';
/** The message and the first stack frame of a logged error. */
const firstLines = (text: string): string =>
  text
    .split('\n')
    .slice(0, 2)
    .map((line) => line.trim().slice(0, 300))
    .join(' ');

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
