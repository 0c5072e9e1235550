// Document symbols for the Outline view and breadcrumbs: parser directives and global ARGs at
// the top, then one symbol per stage (its name, or its index when unnamed, with the base image
// as detail) holding the stage's instructions.
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { Stage } from '../../../core/src/model';
import type { Instruction } from '../../../core/src/parser';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import { toLspRange } from './lspRange';
import { ItemBudget } from './requestBudget';

const DETAIL_LENGTH = 60;

/** The outline, with at most as many symbols (children included) as `budget` allows. */
export function documentSymbols(document: AnalysedDocument, budget = new ItemBudget(Infinity)): DocumentSymbol[] {
  const { tree, model } = document;
  const symbols: DocumentSymbol[] = [];
  for (const directive of tree.directives) {
    if (!budget.take()) return symbols;
    symbols.push({
      name: directive.rawName,
      detail: directive.value,
      kind: SymbolKind.Property,
      range: toLspRange(directive.range),
      selectionRange: toLspRange(directive.nameRange),
    });
  }
  for (const instruction of tree.instructions) {
    if (model.stageOf(instruction)) break;
    if (!budget.take()) return symbols;
    symbols.push(instructionSymbol(instruction));
  }
  for (const stage of model.stages) {
    if (!budget.take()) return symbols;
    symbols.push(stageSymbol(stage, budget));
  }
  return symbols;
}

function stageSymbol(stage: Stage, budget: ItemBudget): DocumentSymbol {
  const name = stage.from.stageName;
  const children: DocumentSymbol[] = [];
  for (const instruction of stage.instructions) {
    if (!budget.take()) break;
    children.push(instructionSymbol(instruction));
  }
  return {
    name: name ? name.raw : `stage ${stage.index}`,
    detail: stage.baseImage,
    kind: SymbolKind.Module,
    range: toLspRange(stage.range),
    selectionRange: toLspRange(name?.range ?? stage.from.keywordRange),
    children,
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
