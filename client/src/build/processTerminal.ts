// A Pseudoterminal that runs one docker invocation and streams its output live, colours kept.
// Ctrl+C or closing the terminal stops the process tree, and the terminal says so; a time limit
// (none for builds) ends it too. The caller gets every output line with its arrival time (for
// build insights), the outcome, and a signal that aborts when the user stops or closes it (for
// work it does afterwards).
import * as vscode from 'vscode';
import { describeInvocation, type DockerInvocation } from '../docker/dockerInvocation';
import { OutputLineSplitter } from '../docker/outputLines';
import { processProblem, type ProcessOutcome } from '../docker/processOutcome';
import { startDockerProcess, type RunningProcess } from '../docker/processRunner';
import { l10n, t } from '../l10n/displayLanguage';

export interface ProcessTerminalOptions {
  readonly invocation: DockerInvocation;
  /** A line shown above the command (e.g. which builder runs). */
  readonly header?: string | undefined;
  readonly cwd?: string | undefined;
  /** Time limit; default: the one for the invocation's subcommand (none for `build`). */
  readonly timeoutMs?: number | undefined;
  /** Called for each complete output line (stdout and stderr merged), ANSI included. */
  readonly onLine?: (line: string, atMs: number) => void;
  /**
   * Called when the process ended; may write a summary through `write`, returns the exit code
   * to report. `canceled` aborts when the terminal is stopped or closed meanwhile.
   */
  readonly onExit?: (
    outcome: ProcessOutcome,
    stopped: boolean,
    write: (text: string) => void,
    canceled: AbortSignal,
  ) => Promise<number> | number;
  /** Close the terminal when done (tasks); otherwise it stays for reading. */
  readonly closeWhenDone: boolean;
}

const dim = (text: string): string => `\x1b[2m${text}\x1b[0m`;
const toTerminal = (text: string): string => text.replace(/\r?\n/g, '\r\n');

export class ProcessTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  // biome-ignore lint/suspicious/noConfusingVoidType: vscode.Pseudoterminal's onDidClose is Event<number | void>.
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private running: RunningProcess | undefined;
  private opened = false;
  private stopRequested = false;
  private finished = false;
  private readonly canceled = new AbortController();
  private readonly done: Promise<ProcessOutcome>;
  private resolveDone: (outcome: ProcessOutcome) => void = () => undefined;

  constructor(private readonly options: ProcessTerminalOptions) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  /** Resolves when the process has ended (or could not start, or was stopped before it started). */
  get outcome(): Promise<ProcessOutcome> {
    return this.done;
  }

  open(): void {
    if (this.opened) return;
    this.opened = true;
    if (this.options.header !== undefined) this.write(dim(`${this.options.header}\n`));
    this.write(dim(`> ${describeInvocation(this.options.invocation)}\n\n`));
    if (this.stopRequested) {
      void this.afterExit({ exitCode: null, stdout: '', stderr: '', canceled: true }, () => []);
      return;
    }
    const splitter = new OutputLineSplitter();
    const onChunk = (chunk: string): void => {
      this.write(chunk);
      const now = Date.now();
      for (const line of splitter.push(chunk)) this.options.onLine?.(line, now);
    };
    this.running = startDockerProcess(
      this.options.invocation,
      { onStdout: onChunk, onStderr: onChunk },
      { cwd: this.options.cwd, timeoutMs: this.options.timeoutMs, keepOutputChars: 64 * 1024 },
    );
    void this.running.outcome.then((outcome) => this.afterExit(outcome, () => splitter.flush()));
  }

  handleInput(data: string): void {
    if (this.finished) {
      if (!this.options.closeWhenDone) this.closeEmitter.fire();
      return;
    }
    if (data === '\x03') {
      this.write('^C\n');
      this.stop();
    }
  }

  close(): void {
    this.stop();
    // Never opened: nothing will run, but whoever waits for the outcome must still hear the end.
    if (!this.opened) {
      this.opened = true;
      void this.afterExit({ exitCode: null, stdout: '', stderr: '', canceled: true }, () => []);
    }
  }

  /** Stops the process tree (or keeps it from starting when the terminal is not open yet). */
  stop(): void {
    this.stopRequested = true;
    this.canceled.abort();
    this.running?.stop();
  }

  private async afterExit(outcome: ProcessOutcome, rest: () => string[]): Promise<void> {
    for (const line of rest()) this.options.onLine?.(line, Date.now());
    const stopped = outcome.canceled === true || this.stopRequested;
    const executable = this.options.invocation.executable;
    if (outcome.spawnFailure !== undefined)
      this.write(`\n\x1b[31m${t('Could not start {0}: {1}', executable, outcome.spawnFailure.message)}\x1b[0m\n`);
    else if (outcome.timedOutAfterMs !== undefined)
      this.write(`\n\x1b[31m${processProblem(outcome, this.options.invocation, l10n) ?? ''}\x1b[0m\n`);
    else if (stopped) this.write(`\n\x1b[33m${t('Stopped by you: the {0} process was ended.', executable)}\x1b[0m\n`);
    let code: number;
    try {
      code =
        (await this.options.onExit?.(outcome, stopped, (text) => this.write(text), this.canceled.signal)) ??
        outcome.exitCode ??
        1;
    } catch (error) {
      this.write(`\n\x1b[31m${error instanceof Error ? error.message : String(error)}\x1b[0m\n`);
      code = 1;
    }
    this.finished = true;
    this.resolveDone(outcome);
    if (this.options.closeWhenDone) this.closeEmitter.fire(code);
    else this.write(dim(`\n${t('Press any key to close this terminal.')}\n`));
  }

  private write(text: string): void {
    this.writeEmitter.fire(toTerminal(text));
  }
}
