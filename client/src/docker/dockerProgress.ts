// Runs a docker command the user is waiting for: within its time limit, and, once it takes
// longer than a moment, under a notification with a Cancel button. Also cancelable by a
// CancellationToken the caller already has (a withProgress of its own).
import * as vscode from 'vscode';
import type { DockerInvocation } from './dockerInvocation';
import type { ProcessOutcome } from './processOutcome';
import { runDockerProcess } from './processRunner';

export interface WaitOptions {
  /** Notification title, e.g. "Checking Docker…". */
  readonly title: string;
  /** Show the notification only when the command is still running after this long. Default 1 s. */
  readonly showAfterMs?: number | undefined;
  /** Time limit; default: the one for the invocation's subcommand. */
  readonly timeoutMs?: number | undefined;
}

export async function runDockerWithProgress(
  invocation: DockerInvocation,
  options: WaitOptions,
): Promise<ProcessOutcome> {
  const cancel = new AbortController();
  const run = runDockerProcess(invocation, { signal: cancel.signal, timeoutMs: options.timeoutMs });
  let finished = false;
  const timer = setTimeout(() => {
    if (finished) return;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: options.title, cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => cancel.abort());
        return run;
      },
    );
  }, options.showAfterMs ?? 1000);
  try {
    return await run;
  } finally {
    finished = true;
    clearTimeout(timer);
  }
}
