// When documents are checked: in the background, in short slices between the messages the server
// handles, and only for the newest version. A change that finds no check of its document pending
// or running is checked on the next turn; a change that comes while one is (typing faster than
// checks finish) waits until typing pauses (as long as the last check of that document took, at
// most `maxDelayMs`). A check that a newer change or a setting made pointless stops at its next
// step instead of running to the end; a recheck that only brings news from outside the document
// (a build context listed) waits for the running check to publish instead of stopping it.
import { performance } from 'node:perf_hooks';

/**
 * One check of a document, in steps (see DiagnosticsEngine.diagnosticSteps); it publishes at its end.
 * A step may yield a promise: the check goes on once it settles (the shell parser loading), and
 * the wait does not count as the check's work.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a bare `yield` is a step; a yielded promise is a wait.
export type CheckSteps = Generator<void | Promise<unknown>, void, void>;

export interface ValidationQueueOptions {
  /** Longest wait after a change before checking (a check that took less waits less). */
  maxDelayMs?: number;
  /** How long a check runs before it lets the server handle other messages. */
  sliceMs?: number;
  /** Hears about a check that threw. */
  reportError?: (uri: string, error: unknown) => void;
}

/** How a check is asked for (see `schedule`). */
export type ScheduleReason = 'edit' | 'now' | 'after';

interface Entry {
  /** Bumped by every schedule and cancel: a check of an older generation stops at its next step. */
  generation: number;
  /** Clears the wait before the next check, while one is waiting. */
  timer: (() => void) | undefined;
  /** The generation of the check running now, if one is. */
  running: number | undefined;
  /** Time the last completed check spent working (slices only, not the waits between them). */
  lastCostMs: number;
  /** Check again once the running check has published (a recheck that must not stop it). */
  again: boolean;
  idleWaiters: (() => void)[];
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class ValidationQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly maxDelayMs: number;
  private readonly sliceMs: number;
  private readonly reportError: (uri: string, error: unknown) => void;

  /** `check(uri)` starts a check of the document as it is when the check starts (undefined: nothing to check). */
  constructor(
    private readonly check: (uri: string) => CheckSteps | undefined,
    options: ValidationQueueOptions = {},
  ) {
    this.maxDelayMs = options.maxDelayMs ?? 150;
    this.sliceMs = options.sliceMs ?? 15;
    this.reportError = options.reportError ?? (() => undefined);
  }

  /**
   * Checks the document soon, superseding whatever was pending or running for it:
   * - `edit`: the text changed. Checked on the next turn, unless a check is pending or running
   *   (changes come faster than checks end): then once changes pause for as long as the last
   *   check took.
   * - `now`: settings changed; checked on the next turn.
   * - `after`: something outside the document changed (a build context was listed). A running
   *   check is not stopped: it publishes first and the document is checked again after it; a
   *   pending check already sees the news.
   */
  schedule(uri: string, reason: ScheduleReason | boolean): void {
    const how: ScheduleReason = reason === true ? 'edit' : reason === false ? 'now' : reason;
    const entry = this.entry(uri);
    if (how === 'after') {
      if (entry.timer) return;
      if (entry.running !== undefined) {
        entry.again = true;
        return;
      }
    }
    const burst = busy(entry);
    const generation = ++entry.generation;
    entry.again = false;
    entry.timer?.();
    const delay = how === 'edit' && burst ? Math.min(this.maxDelayMs, Math.ceil(entry.lastCostMs)) : 0;
    const start = (): void => {
      entry.timer = undefined;
      if (entry.generation === generation) void this.run(uri, entry, generation);
    };
    if (delay > 0) {
      const timer = setTimeout(start, delay);
      entry.timer = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(start);
      entry.timer = () => clearImmediate(immediate);
    }
  }

  /** Stops whatever is pending or running for the document (it was closed). */
  cancel(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.generation++;
    entry.timer?.();
    entry.timer = undefined;
    entry.again = false;
    this.entries.delete(uri);
    for (const resolve of entry.idleWaiters.splice(0)) resolve();
  }

  /** Whether a check of the document is waiting or running. */
  isBusy(uri: string): boolean {
    const entry = this.entries.get(uri);
    return entry !== undefined && busy(entry);
  }

  /** Whether a check of any document is waiting or running. */
  isAnyBusy(): boolean {
    for (const entry of this.entries.values()) if (busy(entry)) return true;
    return false;
  }

  /** Resolves once no check of the document is waiting or running (at once when none is). */
  whenIdle(uri: string): Promise<void> {
    const entry = this.entries.get(uri);
    if (!entry || !busy(entry)) return Promise.resolve();
    return new Promise((resolve) => entry.idleWaiters.push(resolve));
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { generation: 0, timer: undefined, running: undefined, lastCostMs: 0, again: false, idleWaiters: [] };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  private async run(uri: string, entry: Entry, generation: number): Promise<void> {
    entry.running = generation;
    let costMs = 0;
    try {
      const steps = this.check(uri);
      while (steps) {
        const sliceStart = performance.now();
        let done: boolean | undefined = false;
        let wait: Promise<unknown> | undefined;
        while (!done && !wait && performance.now() - sliceStart < this.sliceMs) {
          const step = steps.next();
          done = step.done;
          if (step.value instanceof Promise) wait = step.value;
        }
        costMs += performance.now() - sliceStart;
        if (done) break;
        await (wait ? wait.catch(() => undefined) : nextTurn());
        // A newer version or setting: drop this check (a newer one is scheduled, or the document closed).
        if (entry.generation !== generation) {
          steps.return();
          return;
        }
      }
      entry.lastCostMs = costMs;
    } catch (error) {
      this.reportError(uri, error);
    } finally {
      if (entry.running === generation) entry.running = undefined;
      // A recheck asked for while this check ran (see `schedule`), unless a newer check supersedes it.
      if (entry.again && entry.generation === generation && this.entries.get(uri) === entry) this.schedule(uri, 'now');
      if (!busy(entry)) for (const resolve of entry.idleWaiters.splice(0)) resolve();
    }
  }
}

const busy = (entry: Entry): boolean => entry.timer !== undefined || entry.running !== undefined;
