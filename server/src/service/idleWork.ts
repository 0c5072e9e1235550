// Work that only prepares answers ahead of time (formatting a document's RUNs before the format
// request comes): the lowest priority in the server. It starts only once the server has been quiet
// for a while (no change, request or check), runs one document at a time, in slices shorter than a
// check's (validationQueue.ts) so that a message arriving meanwhile waits at most one slice, and
// after any message it waits for quiet again. It is dropped when its document changes or closes.
// Nothing depends on it finishing: a request finds whatever it left.
import { performance } from 'node:perf_hooks';

/** The steps of one piece of work; each step should take well under a slice. */
export type IdleSteps = Generator<void, void, void>;

export interface IdleWorkOptions {
  /** How long the work runs before it lets the server handle other messages. */
  sliceMs?: number;
  /** While this says so (a check is waiting or running), no slice starts. */
  isBusy?: () => boolean;
  /** How long the server must have been quiet (see `noteActivity`) before a slice starts. */
  idleMs?: number;
  /** How long to wait before looking again while busy. */
  busyRetryMs?: number;
  /** Hears about work that threw. */
  reportError?: (uri: string, error: unknown) => void;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class IdleWork {
  /** Work not started or not finished, by document, oldest first. */
  private readonly pending = new Map<string, () => IdleSteps | undefined>();
  private running: { uri: string; steps: IdleSteps } | undefined;
  private draining = false;
  private readonly sliceMs: number;
  private readonly isBusy: () => boolean;
  private readonly busyRetryMs: number;
  private readonly idleMs: number;
  private lastActivity = -Infinity;
  private readonly reportError: (uri: string, error: unknown) => void;

  constructor(options: IdleWorkOptions = {}) {
    this.sliceMs = options.sliceMs ?? 3;
    this.isBusy = options.isBusy ?? (() => false);
    this.busyRetryMs = options.busyRetryMs ?? 20;
    this.idleMs = options.idleMs ?? 150;
    this.reportError = options.reportError ?? (() => undefined);
  }

  /** Does `start()`'s steps when the server is idle, replacing any work for the document not yet done. */
  schedule(uri: string, start: () => IdleSteps | undefined): void {
    this.cancel(uri);
    this.noteActivity();
    this.pending.set(uri, start);
    if (!this.draining) void this.drain();
  }

  /** The server handled a message: the work waits until it has been quiet for `idleMs` again. */
  noteActivity(): void {
    this.lastActivity = performance.now();
  }

  /** Drops the document's work (it changed or closed). */
  cancel(uri: string): void {
    this.noteActivity();
    this.pending.delete(uri);
    if (this.running?.uri === uri) {
      this.running.steps.return();
      this.running = undefined;
    }
  }

  /** Whether any work is waiting or running. */
  hasWork(): boolean {
    return this.pending.size > 0 || this.running !== undefined;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (;;) {
        await nextTurn();
        if (!this.hasWork()) return;
        if (this.isBusy()) {
          this.noteActivity();
          await after(this.busyRetryMs);
          continue;
        }
        const quietFor = performance.now() - this.lastActivity;
        if (quietFor < this.idleMs) {
          await after(this.idleMs - quietFor);
          continue;
        }
        if (!this.running) {
          const next = this.pending.entries().next();
          if (next.done) return;
          const [uri, start] = next.value;
          this.pending.delete(uri);
          const steps = this.guard(uri, start);
          if (steps) this.running = { uri, steps };
          continue;
        }
        const running = this.running;
        const sliceStart = performance.now();
        let done: boolean | undefined = false;
        try {
          while (!done && performance.now() - sliceStart < this.sliceMs) done = running.steps.next().done;
        } catch (error) {
          this.reportError(running.uri, error);
          done = true;
        }
        if (done && this.running === running) this.running = undefined;
      }
    } finally {
      this.draining = false;
    }
  }

  private guard(uri: string, start: () => IdleSteps | undefined): IdleSteps | undefined {
    try {
      return start();
    } catch (error) {
      this.reportError(uri, error);
      return undefined;
    }
  }
}
