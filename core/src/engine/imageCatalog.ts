// What is known about base images, for the model to start stages from: facts the client read
// from the local engine (set by the server as they arrive) win over the facts recorded offline.
import { RECORDED_IMAGE_FACTS } from '../docs/recordedImageFacts';
import type { ImageFacts, ImageFactsLookup } from '../model/imageFacts';

export class ImageCatalog implements ImageFactsLookup {
  private readonly local = new Map<string, ImageFacts>();
  /** Bumped on every change, so documents know their models may be stale. */
  private changes = 0;

  constructor(private readonly recorded: ImageFactsLookup = RECORDED_IMAGE_FACTS) {}

  get version(): number {
    return this.changes;
  }

  factsFor(reference: string): ImageFacts | undefined {
    return this.local.get(reference) ?? this.recorded.factsFor(reference);
  }

  /** Records (or, with undefined, forgets) the local engine's facts; true when anything changed. */
  setLocal(reference: string, facts: ImageFacts | undefined): boolean {
    const known = this.local.get(reference);
    if (facts === undefined ? known === undefined : known !== undefined && sameFacts(known, facts)) return false;
    if (facts === undefined) this.local.delete(reference);
    else this.local.set(reference, facts);
    this.changes++;
    return true;
  }
}

function sameFacts(a: ImageFacts, b: ImageFacts): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
