// Runs a DockerInvocation as a child process with an argument array (no shell), streaming its
// output and letting the caller stop it. Every run has a time limit (by default the one its
// subcommand gets in processTimeouts.ts) and can be canceled with an AbortSignal; either way
// the whole process tree is ended: SIGTERM to its process group, then SIGKILL. Node only; no
// 'vscode' import.
import { spawn, type ChildProcess } from 'node:child_process';
import type { DockerInvocation } from './dockerInvocation';
import type { ProcessOutcome } from './processOutcome';
import { defaultTimeLimit } from './processTimeouts';

export interface ProcessHandlers {
  readonly onStdout?: (chunk: string) => void;
  readonly onStderr?: (chunk: string) => void;
}

export interface RunningProcess {
  readonly outcome: Promise<ProcessOutcome>;
  /** The process id, once started. */
  readonly pid: number | undefined;
  /** Ends the process tree: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): void;
  /** True once stop() was called (or the signal aborted). */
  readonly stopRequested: boolean;
}

export interface RunOptions {
  readonly cwd?: string | undefined;
  /** The base environment; process.env when absent. */
  readonly baseEnv?: NodeJS.ProcessEnv | undefined;
  /** Kept in the outcome's stdout/stderr up to this many characters each (the tail). */
  readonly keepOutputChars?: number | undefined;
  /**
   * Milliseconds before the process tree is ended and the outcome says `timedOutAfterMs`.
   * Default: the limit for the invocation's subcommand (defaultTimeLimit); Infinity for none.
   */
  readonly timeoutMs?: number | undefined;
  /** Aborting it stops the process tree; the outcome says `canceled`. */
  readonly signal?: AbortSignal | undefined;
  /** Between SIGTERM and SIGKILL when the time limit or the signal ends it. Default 3 s. */
  readonly killGraceMs?: number | undefined;
  /**
   * POSIX: start it as the leader of its own process group (default), so stopping it also ends
   * what it started. False keeps it in the editor's group instead, for a process that must end
   * when the editor's process group is signalled even if no deactivate runs (a watcher).
   */
  readonly ownProcessGroup?: boolean | undefined;
}

/** After the process exited, how long its output pipes may stay open (held by a child it left behind). */
const pipeCloseGraceMs = 2000;
/** After SIGKILL, how long to wait for the exit before giving up on it (a process stuck in the kernel). */
const killWaitMs = 5000;
const defaultKillGraceMs = 3000;

const running = new Set<RunningProcess>();

/** Stops every process still running (extension deactivation). */
export function stopAllDockerProcesses(): void {
  for (const process of [...running]) process.stop(0);
}

/** Signals the process group (POSIX: the child leads its own group) or the tree (Windows). */
function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    const killer = spawn('taskkill', ['/pid', String(pid), '/T', ...(signal === 'SIGKILL' ? ['/F'] : [])], {
      windowsHide: true,
      stdio: 'ignore',
    });
    killer.on('error', () => child.kill(signal));
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone (or was never made): signal the child itself.
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

function canceledBeforeStart(): RunningProcess {
  return {
    outcome: Promise.resolve({ exitCode: null, stdout: '', stderr: '', canceled: true }),
    pid: undefined,
    stop: () => undefined,
    stopRequested: true,
  };
}

export function startDockerProcess(
  invocation: DockerInvocation,
  handlers: ProcessHandlers = {},
  options: RunOptions = {},
): RunningProcess {
  if (options.signal?.aborted === true) return canceledBeforeStart();
  const keep = options.keepOutputChars ?? 1_000_000;
  const timeoutMs = options.timeoutMs ?? defaultTimeLimit(invocation.args);
  const killGraceMs = options.killGraceMs ?? defaultKillGraceMs;
  let stdout = '';
  let stderr = '';
  let stopRequested = false;
  let timedOut = false;
  let settled = false;
  const timers: NodeJS.Timeout[] = [];
  const later = (ms: number, action: () => void): void => {
    // Kept referenced: a caller awaiting the outcome must not see the event loop drain while a
    // settle is still scheduled (every timer is cleared once the outcome is settled).
    timers.push(setTimeout(action, ms));
  };

  const child = spawn(invocation.executable, [...invocation.args], {
    cwd: options.cwd,
    env: { ...(options.baseEnv ?? process.env), ...invocation.env },
    shell: false,
    windowsHide: true,
    // Its own process group, so that ending it also ends what it started (plugins, shells).
    detached: process.platform !== 'win32' && options.ownProcessGroup !== false,
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

  let resolveOutcome: (outcome: ProcessOutcome) => void = () => undefined;
  const outcome = new Promise<ProcessOutcome>((resolve) => (resolveOutcome = resolve));
  const settle = (ended: Pick<ProcessOutcome, 'exitCode' | 'signal' | 'spawnFailure'>): void => {
    if (settled) return;
    settled = true;
    for (const timer of timers) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    running.delete(handle);
    resolveOutcome({
      ...ended,
      stdout,
      stderr,
      ...(timedOut ? { timedOutAfterMs: timeoutMs } : {}),
      ...(stopRequested && !timedOut ? { canceled: true } : {}),
    });
  };

  /** Ends the tree: SIGTERM now, SIGKILL after the grace, and gives up waiting after that. */
  const terminate = (graceMs: number): void => {
    signalTree(child, 'SIGTERM');
    later(graceMs, () => {
      if (settled) return;
      signalTree(child, 'SIGKILL');
      later(killWaitMs, () => settle({ exitCode: null, signal: 'SIGKILL' }));
    });
  };

  child.on('error', (error: NodeJS.ErrnoException) => {
    // Also emitted when a kill fails after the start; only a failed start has no pid.
    if (child.pid === undefined)
      settle({ spawnFailure: { code: error.code ?? 'UNKNOWN', message: error.message }, exitCode: null });
  });
  child.on('exit', (exitCode, signal) => {
    // 'close' waits for the output pipes, which a child left behind can hold open forever.
    later(pipeCloseGraceMs, () => {
      child.stdout.destroy();
      child.stderr.destroy();
      settle({ exitCode, signal });
    });
  });
  child.on('close', (exitCode, signal) => settle({ exitCode, signal }));

  const handle: RunningProcess = {
    outcome,
    get pid() {
      return child.pid;
    },
    get stopRequested() {
      return stopRequested;
    },
    stop(graceMs = defaultKillGraceMs) {
      if (stopRequested || timedOut || settled) return;
      stopRequested = true;
      terminate(graceMs);
    },
  };
  const onAbort = (): void => handle.stop(killGraceMs);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (Number.isFinite(timeoutMs)) {
    later(Math.max(0, timeoutMs), () => {
      if (settled || stopRequested) return;
      timedOut = true;
      terminate(killGraceMs);
    });
  }
  if (child.pid !== undefined) running.add(handle);
  return handle;
}

/** Runs an invocation to completion (or its time limit) and returns what it printed. */
export function runDockerProcess(invocation: DockerInvocation, options: RunOptions = {}): Promise<ProcessOutcome> {
  return startDockerProcess(invocation, {}, options).outcome;
}
