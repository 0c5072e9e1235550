// Document symbols for the Outline view and breadcrumbs: parser directives and global ARGs at
// the top, then one symbol per stage (its name, or its index when unnamed, with the base image
// as detail) holding the stage's instructions.
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { Stage } from '../model';
import type { Instruction } from '../parser';
import type { AnalysedDocument } from './analysedDocument';
import { toLspRange } from './lspRange';

const DETAIL_LENGTH = 60;

export function documentSymbols(document: AnalysedDocument): DocumentSymbol[] {
  const { tree, model } = document;
  const symbols: DocumentSymbol[] = tree.directives.map((directive) => ({
    name: directive.rawName,
    detail: directive.value,
    kind: SymbolKind.Property,
    range: toLspRange(directive.range),
    selectionRange: toLspRange(directive.nameRange),
  }));
  for (const instruction of tree.instructions) {
    if (model.stageOf(instruction)) break;
    symbols.push(instructionSymbol(instruction));
  }
  for (const stage of model.stages) symbols.push(stageSymbol(stage));
  return symbols;
}

function stageSymbol(stage: Stage): DocumentSymbol {
  const name = stage.from.stageName;
  return {
    name: name ? name.raw : `stage ${stage.index}`,
    detail: stage.baseImage,
    kind: SymbolKind.Module,
    range: toLspRange(stage.range),
    selectionRange: toLspRange(name?.range ?? stage.from.keywordRange),
    children: stage.instructions.map(instructionSymbol),
  };
}

function instructionSymbol(instruction: Instruction): DocumentSymbol {
  const declares = instruction.keyword === 'ARG' || instruction.keyword === 'ENV';
  const names = declares ? (instruction.pairs ?? []).map((pair) => pair.key.value).join(' ') : '';
  return {
    name: names ? `${instruction.keyword} ${names}` : instruction.keyword,
    detail: declares ? undefined : summary(instruction.argsText),
    kind: declares ? SymbolKind.Variable : SymbolKind.Function,
    range: toLspRange(instruction.range),
    selectionRange: toLspRange(instruction.keywordRange),
  };
}

/** The arguments on one line, shortened for the outline. */
function summary(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return undefined;
  return flat.length > DETAIL_LENGTH ? `${flat.slice(0, DETAIL_LENGTH - 1)}…` : flat;
}
