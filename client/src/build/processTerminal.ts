// A Pseudoterminal that runs one docker invocation and streams its output live, colours kept.
// Ctrl+C or closing the terminal stops the process, and the terminal says so. The caller gets
// every output line with its arrival time (for build insights) and the outcome.
import * as vscode from 'vscode';
import { describeInvocation, type DockerInvocation } from '../docker/dockerInvocation';
import { OutputLineSplitter } from '../docker/outputLines';
import type { ProcessOutcome } from '../docker/processOutcome';
import { startDockerProcess, type RunningProcess } from '../docker/processRunner';

export interface ProcessTerminalOptions {
  readonly invocation: DockerInvocation;
  readonly cwd?: string | undefined;
  /** Called for each complete output line (stdout and stderr merged), ANSI included. */
  readonly onLine?: (line: string, atMs: number) => void;
  /** Called when the process ended; may write a summary through `write`, returns the exit code to report. */
  readonly onExit?: (outcome: ProcessOutcome, stopped: boolean, write: (text: string) => void) => Promise<number> | number;
  /** Close the terminal when done (tasks); otherwise it stays for reading. */
  readonly closeWhenDone: boolean;
}

const dim = (text: string): string => `\x1b[2m${text}\x1b[0m`;
const toTerminal = (text: string): string => text.replace(/\r?\n/g, '\r\n');

export class ProcessTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private running: RunningProcess | undefined;
  private finished = false;
  private readonly done: Promise<ProcessOutcome>;
  private resolveDone: (outcome: ProcessOutcome) => void = () => undefined;

  constructor(private readonly options: ProcessTerminalOptions) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  /** Resolves when the process has ended (or could not start). */
  get outcome(): Promise<ProcessOutcome> {
    return this.done;
  }

  open(): void {
    this.write(dim(`> ${describeInvocation(this.options.invocation)}\n\n`));
    const splitter = new OutputLineSplitter();
    const onChunk = (chunk: string): void => {
      this.write(chunk);
      const now = Date.now();
      for (const line of splitter.push(chunk)) this.options.onLine?.(line, now);
    };
    this.running = startDockerProcess(this.options.invocation, { onStdout: onChunk, onStderr: onChunk }, { cwd: this.options.cwd });
    void this.running.outcome.then(async (outcome) => {
      for (const line of splitter.flush()) this.options.onLine?.(line, Date.now());
      const stopped = this.running?.stopRequested ?? false;
      if (outcome.spawnFailure !== undefined) this.write(`\n\x1b[31mCould not start ${this.options.invocation.executable}: ${outcome.spawnFailure.message}\x1b[0m\n`);
      else if (stopped) this.write(`\n\x1b[33mStopped by you: the ${this.options.invocation.executable} process was ended.\x1b[0m\n`);
      const code = (await this.options.onExit?.(outcome, stopped, (text) => this.write(text))) ?? outcome.exitCode ?? 1;
      this.finished = true;
      this.resolveDone(outcome);
      if (this.options.closeWhenDone) this.closeEmitter.fire(code);
      else this.write(dim('\nPress any key to close this terminal.\n'));
    });
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
  }

  stop(): void {
    this.running?.stop();
  }

  private write(text: string): void {
    this.writeEmitter.fire(toTerminal(text));
  }
}
