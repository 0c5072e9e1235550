// What the client decides about layerwise/imageFacts, apart from the editor that asks: which
// references of a request are inspected (none in an untrusted workspace), how the answer lines up
// with them, and which events mean local images may have changed (forget what was read, tell the
// server to ask again). Pure: imageFactsRequests.ts wires it to vscode.
import type { ImageFactsResult, LocalImageFacts } from '../../../protocol/src/protocol';

/** The server sends small batches; a larger one is answered for its first references only. */
const maxReferences = 64;

/** The references of a request, as sent; anything that is not a string list reads as none. */
export function requestedReferences(params: unknown): string[] {
  const references = (params as { references?: unknown } | null)?.references;
  if (!Array.isArray(references)) return [];
  return references.map((reference) => (typeof reference === 'string' ? reference : ''));
}

/**
 * The references to inspect: none in an untrusted workspace (the configured CLI and daemon are
 * not run for an untrusted folder's sake), else the first `maxReferences`.
 */
export function referencesToInspect(references: readonly string[], trusted: boolean): string[] {
  return trusted ? references.slice(0, maxReferences) : [];
}

/** One entry per requested reference: what was inspected for it, else null. */
export function imageFactsAnswer(
  references: readonly string[],
  inspected: readonly (LocalImageFacts | null | undefined)[],
): ImageFactsResult {
  return { images: references.map((_, index) => inspected[index] ?? null) };
}

/** A build's outcome, as far as this module reads it (client/src/build/buildResults.ts). */
export interface FinishedBuild {
  readonly succeeded: boolean;
  readonly stale: boolean;
}

/** Something that happened in the editor that may bear on the local images. */
export type ImagesEvent =
  /** A build's result changed: a new one, one marked stale after an edit, or none (cleared). */
  | { readonly kind: 'buildResult'; readonly result: FinishedBuild | undefined }
  /** The workspace was trusted: the engine may be asked now. */
  | { readonly kind: 'trustGranted' }
  /** Settings changed; `affects` is the event's test of a section. */
  | { readonly kind: 'configuration'; readonly affects: (section: string) => boolean };

/** The settings that choose the CLI and daemon images are read from (`layerwise.docker.*`). */
const dockerSettingsSection = 'layerwise.docker';

/**
 * Whether local images may have changed: a build that just succeeded tagged an image, trust lets
 * the engine answer at last, other docker settings may mean another daemon. A failed build tags
 * nothing; a result turning stale or cleared builds nothing.
 */
export function imagesMayHaveChanged(event: ImagesEvent): boolean {
  switch (event.kind) {
    case 'buildResult':
      return event.result !== undefined && !event.result.stale && event.result.succeeded;
    case 'trustGranted':
      return true;
    case 'configuration':
      return event.affects(dockerSettingsSection);
  }
}
