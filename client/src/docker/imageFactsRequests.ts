// The client's side of layerwise/imageFacts: the server asks what the base images of open
// Dockerfiles set up, and the local engine answers (localImageFacts.ts). In an untrusted
// workspace every answer is null (the CLI path and daemon are not run for an untrusted folder's
// sake). After a build, a change of the docker settings, a grant of trust or an image event of the
// engine (imageEventsWatcher.ts), the server is told that images may have changed, and asks again. The decisions are in
// imageFactsDecisions.ts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMAGE_FACTS, IMAGES_CHANGED, type ImageFactsResult } from '../../../protocol/src/protocol';
import { currentDockerSettings } from './dockerReadiness';
import {
  type FinishedBuild,
  type ImagesEvent,
  imageFactsAnswer,
  imagesMayHaveChanged,
  referencesToInspect,
  requestedReferences,
} from './imageFactsDecisions';
import { ImageEventsWatcher } from './imageEventsWatcher';
import { LocalImageFactsReader } from './localImageFacts';

interface BuildResultSource {
  onDidChange(listener: (dockerfileUri: string, result: FinishedBuild | undefined) => void): { dispose(): void };
}

export function registerImageFacts(client: LanguageClient, builds: BuildResultSource): vscode.Disposable {
  const reader = new LocalImageFactsReader({ settings: () => currentDockerSettings() });
  const imagesChanged = (): void => {
    reader.forgetReferences();
    if (client.isRunning()) void client.sendNotification(IMAGES_CHANGED).catch(() => undefined);
  };
  const onEvent = (event: ImagesEvent): void => {
    if (!imagesMayHaveChanged(event)) return;
    imagesChanged();
    // Trust now lets the events process run; new docker settings may name another CLI or daemon.
    if (event.kind === 'trustGranted') watcher.setWanted(true);
    else if (event.kind === 'configuration') watcher.restart();
  };
  // A pull, tag or rmi done in a terminal: the engine's events say so (only in a trusted workspace;
  // VS Code reloads the window when trust is taken back, which disposes the watcher).
  const watcher = new ImageEventsWatcher({ settings: () => currentDockerSettings(), onImagesChanged: imagesChanged });
  watcher.setWanted(vscode.workspace.isTrusted);
  return vscode.Disposable.from(
    { dispose: () => watcher.dispose() },
    client.onRequest(IMAGE_FACTS, async (params, token): Promise<ImageFactsResult> => {
      const references = requestedReferences(params);
      const toInspect = referencesToInspect(references, vscode.workspace.isTrusted);
      if (toInspect.length === 0) return imageFactsAnswer(references, []);
      const abort = new AbortController();
      const listening = token.onCancellationRequested(() => abort.abort());
      try {
        return imageFactsAnswer(references, await reader.factsFor(toInspect, abort.signal));
      } finally {
        listening.dispose();
      }
    }),
    builds.onDidChange((_uri, result) => onEvent({ kind: 'buildResult', result })),
    vscode.workspace.onDidGrantWorkspaceTrust(() => onEvent({ kind: 'trustGranted' })),
    vscode.workspace.onDidChangeConfiguration((event) =>
      onEvent({ kind: 'configuration', affects: (section) => event.affectsConfiguration(section) }),
    ),
  );
}
