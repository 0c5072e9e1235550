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
}
