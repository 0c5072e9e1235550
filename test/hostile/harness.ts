// Runs hostile cases through the real programs, with a kill timeout on everything: `layerwise
// check` as a process, and a language server over stdio that is replaced when it hangs or dies,
// so one bad case fails on its own instead of stalling or poisoning the ones after it.
// Shared by test/hostile/hostile.test.ts (pass/fail) and bench/hostile-bench.ts (timings).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CLI_PATH } from '../helpers/cli';
import { type Diagnostic, LspClient, SERVER_PATH } from '../helpers/lspClient';
import { type HostileCase, positionAt } from './cases';

// --- Case folders ------------------------------------------------------------------------------

/** A fresh folder holding the case's Dockerfile and build context; returns the Dockerfile's path. */
export function writeCase(hostile: HostileCase, root: string): string {
  const folder = join(root, hostile.name);
  mkdirSync(folder, { recursive: true });
  for (const [path, text] of Object.entries(hostile.files ?? {})) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const dockerfile = join(folder, hostile.fileName ?? 'Dockerfile');
  writeFileSync(dockerfile, hostile.bytes ?? hostile.text);
  return dockerfile;
}

export function makeRoot(): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'layerwise-hostile-'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

// --- The CLI -----------------------------------------------------------------------------------

export interface CliOutcome {
  /** null when killed. */
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Process wall time. */
  ms: number;
  /** Start and end of each stream (the whole of it when short) and its full length in bytes. */
  stdout: string;
  stderr: string;
  stdoutBytes: number;
  stderrBytes: number;
}

const KEEP_HEAD = 64 * 1024;
const KEEP_TAIL = 16 * 1024;

/** Collects a stream's start and end, so a runaway output cannot eat the test's memory. */
function capture(): { push(chunk: Buffer): void; text(): string; bytes(): number } {
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let total = 0;
  return {
    push(chunk) {
      total += chunk.length;
      if (head.length < KEEP_HEAD) head = Buffer.concat([head, chunk.subarray(0, KEEP_HEAD - head.length)]);
      tail = Buffer.concat([tail, chunk]);
      if (tail.length > KEEP_TAIL) tail = tail.subarray(tail.length - KEEP_TAIL);
    },
    text: () =>
      total <= KEEP_HEAD
        ? head.toString('utf8')
        : `${head.toString('utf8')}\n[… ${total - KEEP_HEAD - KEEP_TAIL} bytes …]\n${tail.toString('utf8')}`,
    bytes: () => total,
  };
}

/** `layerwise check . --no-color` in the case's folder, killed after `timeoutMs`. */
export function runCli(
  folder: string,
  timeoutMs: number,
  args: readonly string[] = ['check', '.', '--no-color'],
): Promise<CliOutcome> {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const started = performance.now();
  const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout = capture();
  const stderr = capture();
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({
        status,
        signal,
        timedOut,
        ms: performance.now() - started,
        stdout: stdout.text(),
        stderr: stderr.text(),
        stdoutBytes: stdout.bytes(),
        stderrBytes: stderr.bytes(),
      });
    });
  });
}

/** A JavaScript stack frame line (`    at fn (file.js:1:2)`), the sign of a crash that got printed. */
const STACK_FRAME = /^\s+at (?:.+ \()?(?:\/|node:|file:)[^\n]*:\d+:\d+\)?$/m;

/** What is wrong with a CLI run on hostile input; empty when it ran and reported like it should. */
export function cliProblems(outcome: CliOutcome, timeoutMs: number): string[] {
  const problems: string[] = [];
  if (outcome.timedOut) problems.push(`did not finish within ${timeoutMs} ms (killed)`);
  else if (outcome.signal) problems.push(`died of ${outcome.signal}`);
  else if (outcome.status !== 0 && outcome.status !== 1)
    problems.push(`exited with ${outcome.status} (0 or 1 expected)`);
  for (const [name, text] of [
    ['stderr', outcome.stderr],
    ['stdout', outcome.stdout],
  ] as const) {
    const frame = STACK_FRAME.exec(text);
    if (frame) problems.push(`printed a stack trace on ${name}: ${frame[0].trim()}`);
  }
  if (/internal error|failed and was skipped|checking .* failed/.test(outcome.stderr))
    problems.push('reported a failure of its own');
  if (!outcome.timedOut && !outcome.signal && !/\b1 file\b/.test(outcome.stderr))
    problems.push('the summary does not say one file was checked');
  return problems;
}

export function describeCli(outcome: CliOutcome): string {
  const clip = (text: string): string => (text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text);
  return (
    `status ${outcome.status}, signal ${outcome.signal}, ${outcome.ms.toFixed(0)} ms, ` +
    `stdout ${outcome.stdoutBytes} bytes, stderr:\n${clip(outcome.stderr)}`
  );
}

// --- A language server that survives its cases -------------------------------------------------

export interface ServerTimeouts {
  diagnosticsMs: number;
  hoverMs: number;
}

export interface LspOutcome {
  /** What went wrong; empty when the case passed. */
  problems: string[];
  /** didOpen (or, with edits, the first didChange) -> diagnostics for the last version. */
  diagnosticsMs?: number;
  diagnostics?: Diagnostic[];
  hoverMs?: number;
  hover?: unknown;
  /** Whether the server had to be replaced after this case (it hung or died). */
  replaced: boolean;
}

class CaseFailure extends Error {
  constructor(
    message: string,
    /** The server cannot be trusted any more (hung, busy or gone). */
    readonly fatal: boolean,
  ) {
    super(message);
  }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaseFailure(`${what}: no answer within ${ms} ms`, true)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One language server process kept across cases. A case that hangs it or kills it fails, and the
 * server is replaced for the next case; `replacements` counts how often that happened.
 */
export class HostileServer {
  replacements = 0;
  private client: LspClient | undefined;
  private exited: Promise<never> | undefined;

  private constructor(
    private readonly serverPath: string,
    private readonly args: string[] | undefined,
  ) {}

  static async start(options: { serverPath?: string; args?: string[] } = {}): Promise<HostileServer> {
    const server = new HostileServer(options.serverPath ?? SERVER_PATH, options.args);
    await server.launch();
    return server;
  }

  get lsp(): LspClient {
    if (!this.client) throw new Error('the server is not running');
    return this.client;
  }

  get alive(): boolean {
    return (
      this.client !== undefined && this.client.process.exitCode === null && this.client.process.signalCode === null
    );
  }

  private async launch(): Promise<void> {
    const client = await within(
      LspClient.start({ serverPath: this.serverPath, args: this.args }),
      30_000,
      'initialize',
    );
    this.client = client;
    const stderr = capture();
    client.process.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    this.exited = new Promise<never>((_, reject) => {
      client.process.once('exit', (code, signal) =>
        reject(
          new CaseFailure(
            `the server exited (code ${code}, signal ${signal}); its stderr ends: ${stderr.text().slice(-1_500)}`,
            true,
          ),
        ),
      );
    });
    this.exited.catch(() => undefined);
  }

  private async replace(): Promise<void> {
    this.replacements++;
    const old = this.client;
    this.client = undefined;
    if (old) {
      old.process.kill('SIGKILL');
      old.connection.dispose();
    }
    await this.launch();
  }

  /** Fails as soon as the server exits or logs that checking `uri` failed (polled: no timer outlives the wait). */
  private guarded<T>(uri: string, work: Promise<T>, ms: number, what: string): Promise<T> {
    const logs = this.lsp.logs;
    const marker = `checking ${uri} failed`;
    let poll: NodeJS.Timeout | undefined;
    const logged = new Promise<never>((_, reject) => {
      poll = setInterval(() => {
        const line = logs.find((l) => l.includes(marker));
        if (line !== undefined) reject(new CaseFailure(`the server logged: ${line.slice(0, 1_500)}`, false));
      }, 50);
    });
    return within(Promise.race([work, this.exited!, logged]), ms, what).finally(() => clearInterval(poll));
  }

  /**
   * Opens the case at `uri` (applying its edits), waits for its diagnostics, asks a hover, and
   * closes it. With `hover: false` only diagnostics are timed (the peer comparison).
   */
  async run(
    hostile: HostileCase,
    uri: string,
    timeouts: ServerTimeouts,
    options: { hover?: boolean } = {},
  ): Promise<LspOutcome> {
    const outcome: LspOutcome = { problems: [], replaced: false };
    const logsBefore = this.lsp.logs.length;
    try {
      const lsp = this.lsp;
      let version = 1;
      let diagnostics = lsp.waitForDiagnostics(uri, version, timeouts.diagnosticsMs + 5_000);
      let started = performance.now();
      await lsp.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version, text: hostile.text },
      });
      let published = await this.guarded(uri, diagnostics, timeouts.diagnosticsMs, 'diagnostics after didOpen');
      if (hostile.edits) {
        diagnostics = lsp.waitForDiagnostics(uri, version + hostile.edits.length, timeouts.diagnosticsMs + 5_000);
        started = performance.now();
        for (const contentChanges of hostile.edits) {
          version++;
          await lsp.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges,
          });
        }
        published = await this.guarded(
          uri,
          diagnostics,
          timeouts.diagnosticsMs,
          `diagnostics after ${hostile.edits.length} didChange`,
        );
      }
      outcome.diagnosticsMs = performance.now() - started;
      outcome.diagnostics = published.diagnostics;
      if (!Array.isArray(published.diagnostics))
        throw new CaseFailure('publishDiagnostics without a diagnostics array', false);
      if (options.hover !== false) {
        started = performance.now();
        outcome.hover = await this.guarded(
          uri,
          lsp.request('textDocument/hover', { textDocument: { uri }, position: hostile.hover }),
          timeouts.hoverMs,
          `hover at ${hostile.hover.line}:${hostile.hover.character}`,
        );
        outcome.hoverMs = performance.now() - started;
      }
    } catch (error) {
      const fatal = !(error instanceof CaseFailure) || error.fatal || !this.alive;
      outcome.problems.push(error instanceof Error ? error.message : String(error));
      if (fatal) {
        outcome.replaced = true;
        await this.replace();
      }
    }
    if (!outcome.replaced) {
      await this.lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      // A rule that threw is logged without a URI; a failed check names its document.
      const failures = this.lsp.logs
        .slice(logsBefore)
        .filter((line) => line.includes('failed and was skipped') || line.includes(`checking ${uri} failed`));
      for (const line of failures) {
        const problem = `the server logged: ${line.slice(0, 1_500)}`;
        if (!outcome.problems.includes(problem)) outcome.problems.push(problem);
      }
    }
    return outcome;
  }

  async stop(): Promise<void> {
    await this.client?.stop();
  }
}

/** Problems with the published diagnostics themselves: ranges reversed or past the end of the document. */
export function diagnosticProblems(hostile: HostileCase, diagnostics: readonly Diagnostic[]): string[] {
  // Edits only ever add lines, so the text's lines plus every line break they type bound the document.
  const typed = (hostile.edits ?? [])
    .flat()
    .reduce((n, change) => n + (change.text.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  const lineCount = positionAt(hostile.text, hostile.text.length).line + 1 + typed;
  for (const d of diagnostics) {
    const { start, end } = d.range;
    const reversed = start.line > end.line || (start.line === end.line && start.character > end.character);
    if (reversed || end.line > lineCount || start.line < 0 || start.character < 0)
      return [`diagnostic ${d.code} has a bad range ${JSON.stringify(d.range)} (${lineCount} lines)`];
  }
  return [];
}

export function caseUri(dockerfile: string): string {
  return pathToFileURL(dockerfile).href;
}
