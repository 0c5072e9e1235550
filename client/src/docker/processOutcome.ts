// What happened when a process ran: how it ended and what it printed. Shared by the process
// runner (which produces it) and the pure classifiers (which read it).

export interface SpawnFailure {
  /** Node's error code: ENOENT (not found), EACCES (not executable), ... */
  readonly code: string;
  readonly message: string;
}

export interface ProcessOutcome {
  /** Set when the process could not be started at all. */
  readonly spawnFailure?: SpawnFailure | undefined;
  /** The exit code, or null when the process was ended by a signal or never started. */
  readonly exitCode: number | null;
  readonly signal?: string | null | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the runner ended the process (and its children) because it ran past this limit. */
  readonly timedOutAfterMs?: number | undefined;
  /** True when the caller canceled it (a cancel button, a closed terminal) before it ended. */
  readonly canceled?: boolean | undefined;
}

/** "10 s", "1.5 s", "5 min": a time limit in a message. */
export function formatTimeLimit(ms: number): string {
  if (ms < 10_000) return `${Math.round(ms / 100) / 10} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 120 || seconds % 60 !== 0) return `${seconds} s`;
  return `${seconds / 60} min`;
}

/**
 * Why `command` (e.g. `docker history`) did not succeed, in one sentence; undefined when it
 * exited with 0. Timeouts and cancellations name the command and the limit.
 */
export function processProblem(outcome: ProcessOutcome, command: string): string | undefined {
  if (outcome.timedOutAfterMs !== undefined) {
    return `"${command}" did not finish within ${formatTimeLimit(outcome.timedOutAfterMs)}; Layerwise ended the process. Check that the Docker daemon is running and responsive.`;
  }
  if (outcome.canceled === true) return `"${command}" was canceled.`;
  if (outcome.spawnFailure !== undefined) return `Could not start "${command}": ${outcome.spawnFailure.message}`;
  if (outcome.exitCode === 0) return undefined;
  const lastLine = lastNonEmptyLine(outcome.stderr) ?? lastNonEmptyLine(outcome.stdout);
  return `"${command}" failed: ${lastLine ?? `exit code ${String(outcome.exitCode)}`}`;
}

/** The last line with text, scanning back from the end (no regular expression, no full split). */
function lastNonEmptyLine(text: string): string | undefined {
  let end = text.length;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line !== '') return line;
    end = start - 1;
  }
  return undefined;
}
