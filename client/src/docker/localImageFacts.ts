// Answers the server's "what do these base images set up?" from the local engine: one
// `image inspect` for the references not checked lately, facts cached by image id (an id names
// one config forever) and each reference's id re-checked after a short while or when images may
// have changed (a build finished). A missing image, a missing CLI or an unreachable daemon all
// answer null, quietly: the server then falls back to what it knows offline. Pure Node; no
// 'vscode' import.
import type { LocalImageFacts } from '../../../protocol/src/protocol';
import { looksUnreachable } from './dockerAvailability';
import { type DockerInvocation, dockerInvocation } from './dockerInvocation';
import { imageInspectArgs, parseImageInspect } from './imageInspect';
import type { ProcessOutcome } from './processOutcome';
import { type RunOptions, runDockerProcess } from './processRunner';
import type { DockerSettings } from './settings';

export type RunDocker = (invocation: DockerInvocation, options: RunOptions) => Promise<ProcessOutcome>;

export interface LocalImageFactsOptions {
  /** The settings as they are now (CLI path, context). */
  readonly settings: () => DockerSettings;
  /** Runs one docker command; the process runner by default. */
  readonly run?: RunDocker | undefined;
  /** The clock, in milliseconds. */
  readonly now?: (() => number) | undefined;
}

/** A reference answered within this long is answered again from the cache. */
const recheckAfterMs = 10_000;
/** After the CLI is missing or the daemon unreachable, how long to answer null without trying. */
const engineRetryAfterMs = 30_000;
/** One inspect per request is the aim; the server sends small batches anyway. */
const maxBatch = 32;
/** Inspect answers in well under a second; a daemon that does not is not waited for long. */
const inspectTimeoutMs = 10_000;
/** An image's inspect output is a few KiB (podman's grows with its history). */
const keptCharsPerImage = 256 * 1024;
/** Image ids remembered (each one's facts are a few KiB). */
const maxCachedImages = 256;
/** A reference is short; anything longer, or with spaces or controls, is not one. */
const maxReferenceChars = 512;

interface Checked {
  /** The image id, or null when the image was not there. */
  readonly id: string | null;
  readonly at: number;
}

export class LocalImageFactsReader {
  private readonly factsById = new Map<string, LocalImageFacts>();
  private readonly checked = new Map<string, Checked>();
  private engineMissingSince: number | undefined;
  private readonly run: RunDocker;
  private readonly now: () => number;

  constructor(private readonly options: LocalImageFactsOptions) {
    this.run = options.run ?? runDockerProcess;
    this.now = options.now ?? Date.now;
  }

  /** Images may have changed (a build or pull finished): every reference is inspected again. */
  forgetReferences(): void {
    this.checked.clear();
    this.engineMissingSince = undefined;
  }

  /** The facts of each reference, in order; null where the image is not local (or nothing can tell). */
  async factsFor(references: readonly string[], signal?: AbortSignal): Promise<(LocalImageFacts | null)[]> {
    const now = this.now();
    // Without an engine, what it said last still holds (an id names one config); else null.
    if (this.engineMissingSince !== undefined && now - this.engineMissingSince < engineRetryAfterMs)
      return references.map((reference) => this.cached(reference));
    const toInspect = [
      ...new Set(references.filter((reference) => isReference(reference) && !this.freshlyChecked(reference, now))),
    ];
    for (let start = 0; start < toInspect.length && signal?.aborted !== true; start += maxBatch) {
      if (!(await this.inspect(toInspect.slice(start, start + maxBatch), signal))) break;
    }
    return references.map((reference) => this.cached(reference));
  }

  private freshlyChecked(reference: string, now: number): boolean {
    const checked = this.checked.get(reference);
    if (checked === undefined || now - checked.at >= recheckAfterMs) return false;
    return checked.id === null || this.factsById.has(checked.id);
  }

  private cached(reference: string): LocalImageFacts | null {
    const id = this.checked.get(reference)?.id;
    const facts = id === undefined || id === null ? undefined : this.factsById.get(id);
    return facts === undefined ? null : { ...facts, reference };
  }

  /** Inspects a batch (then each one alone, when some image is missing); false when the engine cannot answer. */
  private async inspect(references: readonly string[], signal: AbortSignal | undefined): Promise<boolean> {
    const outcome = await this.inspectOutcome(references, signal);
    if (outcome === undefined) return false;
    const facts = outcome.exitCode === 0 ? parseImageInspect(outcome.stdout, references) : undefined;
    if (facts !== undefined) {
      for (const one of facts) this.remember(one.reference, one);
      return true;
    }
    if (references.length === 1) {
      // Not there (docker: exit 1, podman: 125, both with `[]`), or output that cannot be read.
      this.remember(references[0]!, undefined);
      return true;
    }
    for (const reference of references) {
      if (signal?.aborted === true || !(await this.inspect([reference], signal))) return false;
    }
    return true;
  }

  /** The outcome of one inspect; undefined (and the engine noted missing) when it could not answer. */
  private async inspectOutcome(
    references: readonly string[],
    signal: AbortSignal | undefined,
  ): Promise<ProcessOutcome | undefined> {
    const invocation = dockerInvocation(this.options.settings(), imageInspectArgs(references));
    const outcome = await this.run(invocation, {
      timeoutMs: inspectTimeoutMs,
      keepOutputChars: keptCharsPerImage * references.length,
      signal,
    });
    if (outcome.canceled === true) return undefined;
    if (
      outcome.spawnFailure !== undefined ||
      outcome.timedOutAfterMs !== undefined ||
      (outcome.exitCode !== 0 && looksUnreachable(outcome.stderr))
    ) {
      this.engineMissingSince = this.now();
      return undefined;
    }
    return outcome;
  }

  private remember(reference: string, facts: LocalImageFacts | undefined): void {
    const id = facts?.source.imageId ?? null;
    if (facts !== undefined) {
      this.factsById.delete(facts.source.imageId);
      this.factsById.set(facts.source.imageId, facts);
      // The oldest first: a Map iterates in insertion order.
      for (const oldest of this.factsById.keys()) {
        if (this.factsById.size <= maxCachedImages) break;
        this.factsById.delete(oldest);
      }
    }
    // References come from the Dockerfiles open; a flood of them only costs a re-check.
    if (this.checked.size >= maxCachedImages * 4) this.checked.clear();
    this.checked.set(reference, { id, at: this.now() });
  }
}

function isReference(reference: string): boolean {
  if (reference === '' || reference.length > maxReferenceChars || reference.startsWith('-')) return false;
  for (let i = 0; i < reference.length; i++) if (reference.charCodeAt(i) <= 0x20) return false;
  return true;
}
