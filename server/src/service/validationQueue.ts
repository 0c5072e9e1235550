// When documents are checked: in the background, in short slices between the messages the server
// handles, and only for the newest version. A change waits until typing pauses (as long as the
// last check of that document took, at most `maxDelayMs`), and a check that a newer change or a
// setting made pointless stops at its next step instead of running to the end.
import { performance } from 'node:perf_hooks';

/** One check of a document, in steps (see DiagnosticsEngine.diagnosticSteps); it publishes at its end. */
export type CheckSteps = Generator<void, void, void>;

export interface ValidationQueueOptions {
  /** Longest wait after a change before checking (a check that took less waits less). */
  maxDelayMs?: number;
  /** How long a check runs before it lets the server handle other messages. */
  sliceMs?: number;
  /** Hears about a check that threw. */
  reportError?: (uri: string, error: unknown) => void;
}

interface Entry {
  /** Bumped by every schedule and cancel: a check of an older generation stops at its next step. */
  generation: number;
  timer: NodeJS.Timeout | undefined;
  /** The generation of the check running now, if one is. */
  running: number | undefined;
  /** Time the last completed check spent working (slices only, not the waits between them). */
  lastCostMs: number;
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
   * Checks the document soon: right away (on the next turn) when `afterEdit` is false, else once
   * edits pause. Whatever was pending or running for it is superseded.
   */
  schedule(uri: string, afterEdit: boolean): void {
    const entry = this.entry(uri);
    const generation = ++entry.generation;
    if (entry.timer) clearTimeout(entry.timer);
    const delay = afterEdit ? Math.min(this.maxDelayMs, Math.ceil(entry.lastCostMs)) : 0;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (entry.generation === generation) void this.run(uri, entry, generation);
    }, delay);
  }

  /** Stops whatever is pending or running for the document (it was closed). */
  cancel(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.generation++;
    if (entry.timer) clearTimeout(entry.timer);
    this.entries.delete(uri);
    for (const resolve of entry.idleWaiters.splice(0)) resolve();
  }

  /** Whether a check of the document is waiting or running. */
  isBusy(uri: string): boolean {
    const entry = this.entries.get(uri);
    return entry !== undefined && busy(entry);
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
      entry = { generation: 0, timer: undefined, running: undefined, lastCostMs: 0, idleWaiters: [] };
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
        while (!done && performance.now() - sliceStart < this.sliceMs) done = steps.next().done;
        costMs += performance.now() - sliceStart;
        if (done) break;
        await nextTurn();
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
      if (!busy(entry)) for (const resolve of entry.idleWaiters.splice(0)) resolve();
    }
  }
}

const busy = (entry: Entry): boolean => entry.timer !== undefined || entry.running !== undefined;
