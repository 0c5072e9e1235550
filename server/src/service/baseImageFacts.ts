// Asks the client what the base images of open Dockerfiles set up (layerwise/imageFacts, answered
// from the local engine) and puts the answers into the image catalog the models start stages
// from. Only when the client said at initialize that it answers. Each reference is asked once,
// and again after layerwise/imagesChanged (a build) or, at the next check that finds it, after a
// minute (an image pulled in a terminal); in small batches, one request at a time, after the
// checks that found them: diagnostics never wait for it. When an answer changes what is known
// about an image, the documents that use it are checked again.
import { CancellationTokenSource, type CancellationToken } from 'vscode-languageserver';
import type { ImageCatalog } from '../../../core/src/engine/imageCatalog';
import type { DockerfileModel } from '../../../core/src/model';
import { readImageFactsResult } from './readImageFacts';

export interface BaseImageFactsHost {
  /** Sends layerwise/imageFacts; resolves to the client's raw answer. */
  ask(references: string[], token: CancellationToken): Promise<unknown>;
  /** What is known about images used by these documents changed. */
  changed(uris: readonly string[]): void;
  log(message: string): void;
}

/** References per request. */
const batchSize = 16;
/** Base images per document (a FROM per stage; more are not looked up). */
const maxPerDocument = 32;
/** References asked in all until imagesChanged starts over. */
const maxAsked = 512;
/** A reference asked about longer ago is asked again at the next check that finds it. */
const askAgainAfterMs = 60_000;
/** Lets the checks of several documents opened together share one request. */
const gatherMs = 50;
/** The client inspects with a time limit of its own; this is for a client that never answers. */
const answerWithinMs = 60_000;

/** The base images of `model` that are images (not stages, not scratch), as the FROMs resolve them. */
function baseImageReferences(model: DockerfileModel): string[] {
  const references = new Set<string>();
  for (const stage of model.stages) {
    if (references.size >= maxPerDocument) break;
    const image = stage.resolvedBaseImage;
    if (stage.baseStage !== undefined || image === undefined || image === '') continue;
    if (image.toLowerCase() !== 'scratch' && !image.includes('$')) references.add(image);
  }
  return [...references];
}

export class BaseImageFacts {
  private enabled = false;
  private readonly used = new Map<string, readonly string[]>();
  /** When each reference was last asked about. */
  private readonly asked = new Map<string, number>();
  private readonly waiting = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight: CancellationTokenSource | undefined;
  private stopped = false;

  constructor(
    private readonly catalog: ImageCatalog,
    private readonly host: BaseImageFactsHost,
  ) {}

  /** The client answers the request (its initialization options said so). */
  enable(): void {
    this.enabled = true;
  }

  /** A document was checked with `model`: asks about the base images not asked about yet. */
  note(uri: string, model: DockerfileModel): void {
    const references = baseImageReferences(model);
    this.used.set(uri, references);
    if (!this.enabled || this.stopped) return;
    const now = Date.now();
    for (const reference of references) {
      const askedAt = this.asked.get(reference);
      if (askedAt === undefined ? this.asked.size >= maxAsked : now - askedAt < askAgainAfterMs) continue;
      this.asked.set(reference, now);
      this.waiting.add(reference);
    }
    this.schedule();
  }

  forget(uri: string): void {
    this.used.delete(uri);
  }

  /** Local images may have changed: every image in use is asked about again. */
  imagesChanged(): void {
    if (!this.enabled || this.stopped) return;
    this.inFlight?.cancel();
    this.asked.clear();
    this.waiting.clear();
    const now = Date.now();
    for (const references of this.used.values()) {
      for (const reference of references) {
        if (this.asked.size >= maxAsked) break;
        this.asked.set(reference, now);
        this.waiting.add(reference);
      }
    }
    this.schedule();
  }

  /** Shutdown: nothing more is asked, and a request under way is cancelled. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.cancel();
  }

  private schedule(): void {
    if (this.stopped || this.waiting.size === 0 || this.timer !== undefined || this.inFlight !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.askNext();
    }, gatherMs);
  }

  private async askNext(): Promise<void> {
    const references = [...this.waiting].slice(0, batchSize);
    if (references.length === 0 || this.stopped) return;
    for (const reference of references) this.waiting.delete(reference);
    const source = new CancellationTokenSource();
    this.inFlight = source;
    // A client that never answers must not hold up every later question.
    const giveUp = setTimeout(() => source.cancel(), answerWithinMs);
    const cancelled = new Promise<void>((resolve) => source.token.onCancellationRequested(() => resolve()));
    try {
      const answer = await Promise.race([this.host.ask(references, source.token), cancelled]);
      if (!source.token.isCancellationRequested) this.apply(references, answer);
    } catch (error) {
      if (!source.token.isCancellationRequested)
        this.host.log(`Layerwise: the client could not tell about base images (${String(error)})`);
    } finally {
      clearTimeout(giveUp);
      source.dispose();
      if (this.inFlight === source) this.inFlight = undefined;
      this.schedule();
    }
  }

  private apply(references: readonly string[], answer: unknown): void {
    const changed = new Set<string>();
    readImageFactsResult(answer, references).forEach((facts, index) => {
      const reference = references[index]!;
      if (this.catalog.setLocal(reference, facts)) changed.add(reference);
    });
    if (changed.size === 0) return;
    const uris = [...this.used]
      .filter(([, used]) => used.some((reference) => changed.has(reference)))
      .map(([uri]) => uri);
    if (uris.length > 0) this.host.changed(uris);
  }
}
