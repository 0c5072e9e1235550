// Go to definition: a stage name or index to its `FROM ... AS` (an unnamed stage's whole FROM),
// a variable to the ARG/ENV that gives it its value, a heredoc terminator to its `<<EOF`.
import type { Location } from 'vscode-languageserver';
import type { Position } from '../../../../core/src/parser';
import type { AnalysedDocument } from '../../../../core/src/engine/analysedDocument';
import { toLspRange } from '../lspRange';
import { symbolAt } from './symbolAt';

export function definition(document: AnalysedDocument, position: Position): Location[] | null {
  const symbol = symbolAt(document, position);
  if (!symbol) return null;
  const location = (range: Parameters<typeof toLspRange>[0]): Location => ({
    uri: document.uri,
    range: toLspRange(range),
  });
  switch (symbol.kind) {
    case 'stage':
      return [location(symbol.stage.from.stageName?.range ?? symbol.stage.from.range)];
    case 'variable': {
      const locations = symbol.definitions.flatMap((d) => (d.pair ? [location(d.pair.key.range)] : []));
      return locations.length > 0 ? locations : null;
    }
    case 'heredoc':
      return symbol.occurrences.filter((o) => o.declaration).map((o) => location(o.range));
  }
}
