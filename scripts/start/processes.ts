// Running the tools `npm start` needs, and stopping code-server with everything it started.
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';

export interface RunResult {
  readonly code: number | null;
  /** stdout and stderr together, when the run was quiet. */
  readonly output: string;
}

/** Runs a command to completion. Quiet runs keep the output for an error message instead of printing it. */
export function run(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { quiet?: boolean } = {},
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { ...options, stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolvePromise({ code: null, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

/**
 * Starts a long-running command as the leader of a new process group, so that it and every
 * process it starts (code-server's extension host, our language server, terminals' pty host)
 * can be signalled together. The terminal's Ctrl+C does not reach the group: we forward it.
 */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(command, args, {
    ...options,
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Whether any process of the group led by `pid` still exists. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Asks the group to exit (SIGTERM), waits up to `graceMs`, then kills what is left (SIGKILL).
 * Resolves once no process of the group remains.
 */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    child.kill();
    return;
  }
  signalGroup(pid, 'SIGTERM');
  if (await waitUntil(() => !groupAlive(pid), graceMs)) return;
  signalGroup(pid, 'SIGKILL');
  await waitUntil(() => !groupAlive(pid), 2000);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
  return true;
}
