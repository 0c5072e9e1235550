// Keeps one `docker events` process (imageEvents.ts) running while it is wanted, so that a pull,
// tag, rmi, load or build done in a terminal refreshes the base-image facts at once instead of
// after the server's next re-check. A burst of events (a build tags and untags many images) is
// reported once. After an unexpected exit it starts again after 1 s, 2 s, 4 s ... (at most 60 s)
// and gives up quietly after a few failures in a row; a missing CLI is not retried at all. Both
// are tried again only when `restart()` is called (settings changed, trust granted). Pure Node.
import type { DockerInvocation } from './dockerInvocation';
import { type ImageChange, imageEventsInvocation, parseImageEvent } from './imageEvents';
import { OutputLineSplitter } from './outputLines';
import { type ProcessHandlers, type RunningProcess, type RunOptions, startDockerProcess } from './processRunner';
import type { DockerSettings } from './settings';

type StartProcess = (invocation: DockerInvocation, handlers: ProcessHandlers, options: RunOptions) => RunningProcess;

export interface ImageEventsWatcherOptions {
  readonly settings: () => DockerSettings;
  /** Called once per burst of changing events, with what they named (at most `maxReported`). */
  readonly onImagesChanged: (changes: readonly ImageChange[]) => void;
  /** Starts the events process; the process runner by default. */
  readonly start?: StartProcess | undefined;
  /** How long after a burst's first event it is reported. Default 500 ms. */
  readonly debounceMs?: number | undefined;
  /** Delay before the n-th restart in a row (n from 1), capped by the last entry. */
  readonly retryDelaysMs?: readonly number[] | undefined;
  /** Unexpected exits in a row after which it stops trying. Default 8. */
  readonly maxFailures?: number | undefined;
  /** Told when it stops trying (tests; never a notification). */
  readonly onGaveUp?: (() => void) | undefined;
}

const defaultRetryDelaysMs = [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000];
const defaultMaxFailures = 8;
const defaultDebounceMs = 500;
/** A run that lasted this long, or reported an event, was healthy: the failure count starts over. */
const healthyAfterMs = 30_000;
/** Changes kept for one report; a larger burst is reported by its first ones. */
const maxReported = 256;
/** What is kept of the process's stderr (only for the outcome; it is never shown). */
const keptOutputChars = 4096;

export class ImageEventsWatcher {
  private current: RunningProcess | undefined;
  private wanted = false;
  private disposed = false;
  private failuresInARow = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private debounceTimer: NodeJS.Timeout | undefined;
  private pending: ImageChange[] = [];
  /** Bumped for every start, so that the end of an old process does not act on the new one. */
  private generation = 0;
  private readonly start: StartProcess;

  constructor(private readonly options: ImageEventsWatcherOptions) {
    this.start = options.start ?? startDockerProcess;
  }

  /** Runs the events process while `wanted` (a trusted workspace); stops it otherwise. */
  setWanted(wanted: boolean): void {
    if (this.disposed) return;
    this.wanted = wanted;
    if (wanted && this.current === undefined && this.retryTimer === undefined) this.launch();
    if (!wanted) this.stopProcess();
  }

  /** Starts over with the current settings (and a clean failure count), when wanted. */
  restart(): void {
    if (this.disposed) return;
    this.stopProcess();
    this.failuresInARow = 0;
    if (this.wanted) this.launch();
  }

  /** The process id of the events process running now (tests). */
  get runningPid(): number | undefined {
    return this.current?.pid;
  }

  /** Resolves once the current events process (if any) has ended. */
  async whenStopped(): Promise<void> {
    await this.current?.outcome;
  }

  dispose(): void {
    this.disposed = true;
    this.wanted = false;
    this.stopProcess();
    clearTimeout(this.debounceTimer);
    this.pending = [];
  }

  private stopProcess(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.generation++;
    this.current?.stop(1000);
  }

  private launch(): void {
    const generation = ++this.generation;
    const startedAt = Date.now();
    let sawEvent = false;
    // It keeps at most 64 KiB of a line: a longer one is cut, no longer JSON, and skipped.
    const splitter = new OutputLineSplitter();
    const onStdout = (chunk: string): void => {
      for (const line of splitter.push(chunk)) {
        const change = parseImageEvent(line);
        if (change === undefined || generation !== this.generation) continue;
        sawEvent = true;
        this.report(change);
      }
    };
    const running = this.start(
      imageEventsInvocation(this.options.settings()),
      { onStdout },
      {
        timeoutMs: Number.POSITIVE_INFINITY,
        keepOutputChars: keptOutputChars,
        // In the editor's process group: stopping the editor (or code-server) by signalling its
        // group ends the watcher too, even when no deactivate runs. Should the extension host die
        // alone, the closed stdout pipe ends it at the next event it writes.
        ownProcessGroup: false,
      },
    );
    this.current = running;
    void running.outcome.then((outcome) => {
      if (this.current === running) this.current = undefined;
      if (generation !== this.generation || !this.wanted || this.disposed) return;
      // No CLI (or not executable): starting it again would fail the same way. Stopped by someone
      // else (stopAllDockerProcesses at deactivation): not started again either.
      if (outcome.spawnFailure !== undefined || outcome.canceled === true) return this.giveUp();
      const healthy = sawEvent || Date.now() - startedAt >= healthyAfterMs;
      this.failuresInARow = healthy ? 1 : this.failuresInARow + 1;
      if (this.failuresInARow >= (this.options.maxFailures ?? defaultMaxFailures)) return this.giveUp();
      const delays = this.options.retryDelaysMs ?? defaultRetryDelaysMs;
      const delay = delays[Math.min(this.failuresInARow, delays.length) - 1] ?? 0;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (this.wanted && !this.disposed && this.current === undefined) this.launch();
      }, delay);
    });
  }

  private giveUp(): void {
    this.options.onGaveUp?.();
  }

  private report(change: ImageChange): void {
    if (this.pending.length < maxReported) this.pending.push(change);
    // One report per window from the first event: a steady stream cannot postpone it forever.
    if (this.debounceTimer !== undefined) return;
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      const changes = this.pending;
      this.pending = [];
      if (!this.disposed && changes.length > 0) this.options.onImagesChanged(changes);
    }, this.options.debounceMs ?? defaultDebounceMs);
  }
}
