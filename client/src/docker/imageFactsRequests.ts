// The client's side of layerwise/imageFacts: the server asks what the base images of open
// Dockerfiles set up, and the local engine answers (localImageFacts.ts). In an untrusted
// workspace every answer is null (the CLI path and daemon are not run for an untrusted folder's
// sake). After a build, a change of the docker settings or a grant of trust, the server is told
// that images may have changed, and asks again.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMAGE_FACTS, IMAGES_CHANGED, type ImageFactsResult } from '../../../protocol/src/protocol';
import { currentDockerSettings } from './dockerReadiness';
import { LocalImageFactsReader } from './localImageFacts';

/** The server sends small batches; a larger one is answered for its first references only. */
const maxReferences = 64;

/** A build's outcome, as far as this module reads it (client/src/build/buildResults.ts). */
interface FinishedBuild {
  readonly succeeded: boolean;
  readonly stale: boolean;
}

interface BuildResultSource {
  onDidChange(listener: (dockerfileUri: string, result: FinishedBuild | undefined) => void): { dispose(): void };
}

export function registerImageFacts(client: LanguageClient, builds: BuildResultSource): vscode.Disposable {
  const reader = new LocalImageFactsReader({ settings: () => currentDockerSettings() });
  const imagesChanged = (): void => {
    reader.forgetReferences();
    if (client.isRunning()) void client.sendNotification(IMAGES_CHANGED).catch(() => undefined);
  };
  return vscode.Disposable.from(
    client.onRequest(IMAGE_FACTS, async (params, token): Promise<ImageFactsResult> => {
      const references = readReferences(params);
      if (!vscode.workspace.isTrusted || references.length === 0) return { images: references.map(() => null) };
      const abort = new AbortController();
      const listening = token.onCancellationRequested(() => abort.abort());
      try {
        const answered = await reader.factsFor(references.slice(0, maxReferences), abort.signal);
        return { images: references.map((_, index) => answered[index] ?? null) };
      } finally {
        listening.dispose();
      }
    }),
    builds.onDidChange((_uri, result) => {
      if (result !== undefined && !result.stale && result.succeeded) imagesChanged();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(imagesChanged),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('layerwise.docker')) imagesChanged();
    }),
  );
}

/** The references of a request, as sent; anything that is not a string list reads as none. */
function readReferences(params: unknown): string[] {
  const references = (params as { references?: unknown } | null)?.references;
  if (!Array.isArray(references)) return [];
  return references.map((reference) => (typeof reference === 'string' ? reference : ''));
}
