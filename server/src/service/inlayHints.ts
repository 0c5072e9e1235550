// Inlay hints come from several providers (layer hints, variable values, ...): the server's one
// handler asks each and concatenates their answers. Add a provider to INLAY_HINT_PROVIDERS' caller.
import type { InlayHint, Range } from 'vscode-languageserver';
import type { BuildContext } from '../../../core/src/context/buildContext';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import type { Language } from '../../../core/src/engine/language';
import type { Settings } from '../../../core/src/engine/settings';

export interface InlayHintRequest {
  document: AnalysedDocument;
  range: Range;
  settings: Settings;
  language: Language;
  buildContext: BuildContext | undefined;
}

export type InlayHintProvider = (request: InlayHintRequest) => InlayHint[];

/** Every provider's hints; a provider that throws loses its own hints only. */
export function collectInlayHints(
  providers: readonly InlayHintProvider[],
  request: InlayHintRequest,
  log: (message: string) => void,
): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const provider of providers) {
    try {
      hints.push(...provider(request));
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`Layerwise: an inlay hint provider failed: ${detail}`);
    }
  }
  return hints;
}
