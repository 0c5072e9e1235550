// Find references and document highlight: every occurrence of the symbol under the cursor.
import { type DocumentHighlight, DocumentHighlightKind, type Location } from 'vscode-languageserver';
import type { Position } from '../../../../core/src/parser';
import type { AnalysedDocument } from '../../../../core/src/engine/analysedDocument';
import { toLspRange } from '../lspRange';
import { symbolAt } from './symbolAt';

export function references(document: AnalysedDocument, position: Position, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(document, position);
  if (!symbol) return [];
  return symbol.occurrences
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: document.uri, range: toLspRange(o.range) }));
}

export function documentHighlights(document: AnalysedDocument, position: Position): DocumentHighlight[] {
  const symbol = symbolAt(document, position);
  if (!symbol) return [];
  return symbol.occurrences.map((o) => ({
    range: toLspRange(o.range),
    kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
