// Which processes exist, from /proc (Linux): for tests that check nothing is left running.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly state: string;
  readonly commandLine: string;
}

export function listProcesses(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry));
    if (info) found.push(info);
  }
  return found;
}

export function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command name) state ppid ...": the name may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, ppid: Number(fields[1]), state: fields[0] ?? '?', commandLine };
  } catch {
    return undefined; // It exited while we looked.
  }
}

/** Every process below `pid`, however deep (children, their children, ...). */
export function descendants(pid: number, processes: readonly ProcessInfo[] = listProcesses()): ProcessInfo[] {
  const result: ProcessInfo[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const candidate of processes) {
      if (candidate.ppid === parent) {
        result.push(candidate);
        queue.push(candidate.pid);
      }
    }
  }
  return result;
}

/** Running, in the sense that matters: it exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  const info = readProcess(pid);
  return info !== undefined && info.state !== 'Z';
}
