// Runs a DockerInvocation as a child process with an argument array (no shell), streaming its
// output and letting the caller stop it. Node only; no 'vscode' import.
import { spawn } from 'node:child_process';
import type { DockerInvocation } from './dockerInvocation';
import type { ProcessOutcome } from './processOutcome';

export interface ProcessHandlers {
  readonly onStdout?: (chunk: string) => void;
  readonly onStderr?: (chunk: string) => void;
}

export interface RunningProcess {
  readonly outcome: Promise<ProcessOutcome>;
  /** Ends the process: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): void;
  /** True once stop() was called. */
  readonly stopRequested: boolean;
}

export interface RunOptions {
  readonly cwd?: string | undefined;
  /** The base environment; process.env when absent. */
  readonly baseEnv?: NodeJS.ProcessEnv | undefined;
  /** Kept in the outcome's stdout/stderr up to this many characters each (the tail). */
  readonly keepOutputChars?: number | undefined;
}

export function startDockerProcess(invocation: DockerInvocation, handlers: ProcessHandlers = {}, options: RunOptions = {}): RunningProcess {
  const keep = options.keepOutputChars ?? 1_000_000;
  let stdout = '';
  let stderr = '';
  let stopRequested = false;
  const child = spawn(invocation.executable, [...invocation.args], {
    cwd: options.cwd,
    env: { ...(options.baseEnv ?? process.env), ...invocation.env },
    shell: false,
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout = (stdout + chunk).slice(-keep);
    handlers.onStdout?.(chunk);
  });
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-keep);
    handlers.onStderr?.(chunk);
  });

  const outcome = new Promise<ProcessOutcome>((resolve) => {
    let settled = false;
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      resolve({ spawnFailure: { code: error.code ?? 'UNKNOWN', message: error.message }, exitCode: null, stdout, stderr });
    });
    child.on('close', (exitCode, signal) => {
      if (settled) return;
      settled = true;
      resolve({ exitCode, signal, stdout, stderr });
    });
  });

  return {
    outcome,
    get stopRequested() {
      return stopRequested;
    },
    stop(graceMs = 3000) {
      if (stopRequested || child.exitCode !== null || child.signalCode !== null) return;
      stopRequested = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, graceMs);
      timer.unref();
    },
  };
}

/** Runs an invocation to completion and returns what it printed. */
export function runDockerProcess(invocation: DockerInvocation, options: RunOptions = {}): Promise<ProcessOutcome> {
  return startDockerProcess(invocation, {}, options).outcome;
}
