// What happened when a process ran: how it ended and what it printed. Shared by the process
// runner (which produces it) and the pure classifiers (which read it).
import type { Translator } from '../l10n/translator';
import { containerTool, engineName } from './containerTool';
import type { DockerInvocation } from './dockerInvocation';
import { commandLabel } from './processTimeouts';

interface SpawnFailure {
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

/** "10 s", "1.5 s", "5 min" (in Korean "10초", "5분"): a time limit in a message. */
export function formatTimeLimit(ms: number, l10n: Translator): string {
  if (ms < 10_000) return l10n.t('{0} s', Math.round(ms / 100) / 10);
  const seconds = Math.round(ms / 1000);
  if (seconds < 120 || seconds % 60 !== 0) return l10n.t('{0} s', seconds);
  return l10n.t('{0} min', seconds / 60);
}

/**
 * Why `invocation` (e.g. `docker history`) did not succeed, in one sentence; undefined when it
 * exited with 0. Timeouts and cancellations name the command, the limit and the engine (the Docker
 * daemon or the Podman service, after the executable).
 */
export function processProblem(
  outcome: ProcessOutcome,
  invocation: Pick<DockerInvocation, 'executable' | 'args'>,
  l10n: Translator,
): string | undefined {
  const command = commandLabel(invocation);
  if (outcome.timedOutAfterMs !== undefined) {
    return l10n.t(
      '"{0}" did not finish within {1}; Layerwise ended the process. Check that the {2} is running and responsive.',
      command,
      formatTimeLimit(outcome.timedOutAfterMs, l10n),
      engineName(containerTool(invocation.executable), l10n),
    );
  }
  if (outcome.canceled === true) return l10n.t('"{0}" was canceled.', command);
  if (outcome.spawnFailure !== undefined)
    return l10n.t('Could not start "{0}": {1}', command, outcome.spawnFailure.message);
  if (outcome.exitCode === 0) return undefined;
  const lastLine = lastNonEmptyLine(outcome.stderr) ?? lastNonEmptyLine(outcome.stdout);
  return l10n.t('"{0}" failed: {1}', command, lastLine ?? l10n.t('exit code {0}', String(outcome.exitCode)));
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
