// What the cursor is on, for definition, references, highlight and rename: a stage name, an
// ARG/ENV name or a heredoc delimiter, with every occurrence of the same symbol.
import type { DockerfileModel, Stage, VariableDefinition } from '../../../../core/src/model';
import type { Heredoc, Instruction, Position, Range } from '../../../../core/src/parser';
import type { AnalysedDocument } from '../../../../core/src/engine/analysedDocument';
import { instructionAt } from '../../../../core/src/engine/instructionAt';
import { rangeContains } from '../lspRange';
import { type StageMention, stageMentions } from '../stageReferences';
import { navigationIndex } from './navigationIndex';
import type { VariableGroup, VariableOccurrence } from './variableGroups';

interface Occurrence {
  range: Range;
  /** Where the symbol is declared (FROM ... AS, ARG/ENV name, `<<EOF`) rather than used. */
  declaration: boolean;
  /** A stage named by its position (`COPY --from=0`): found with the stage, never renamed. */
  byIndex?: boolean;
}

interface SymbolBase {
  /** The occurrence under the cursor. */
  at: Occurrence;
  occurrences: Occurrence[];
}

interface StageSymbol extends SymbolBase {
  kind: 'stage';
  stage: Stage;
}

interface VariableSymbol extends SymbolBase {
  kind: 'variable';
  name: string;
  group: VariableGroup;
  /** Where the name under the cursor gets its value (the global ARG too, for a bare `ARG NAME`). */
  definitions: VariableDefinition[];
}

interface HeredocSymbol extends SymbolBase {
  kind: 'heredoc';
  heredoc: Heredoc;
  instruction: Instruction;
}

export type NavigationSymbol = StageSymbol | VariableSymbol | HeredocSymbol;

export function symbolAt(document: AnalysedDocument, position: Position): NavigationSymbol | undefined {
  const instruction = instructionAt(document.tree, position);
  if (!instruction) return undefined;
  const model = document.model;
  return (
    heredocAt(document, instruction, position) ??
    stageAt(model, document.lines, instruction, position) ??
    variableAt(model, document.lines, instruction, position)
  );
}

function stageAt(
  model: DockerfileModel,
  lines: readonly string[],
  instruction: Instruction,
  position: Position,
): StageSymbol | undefined {
  const mention = stageMentions(model, lines, instruction).find((m) => rangeContains(m.range, position));
  if (!mention) return undefined;
  const mentions = navigationIndex(model, lines).stageMentions.get(mention.stage) ?? [];
  return {
    kind: 'stage',
    stage: mention.stage,
    at: stageOccurrence(mention),
    occurrences: mentions.map(stageOccurrence),
  };
}

function stageOccurrence(mention: StageMention): Occurrence {
  const occurrence: Occurrence = { range: mention.range, declaration: mention.kind === 'declaration' };
  if (mention.kind === 'copyFromIndex') occurrence.byIndex = true;
  return occurrence;
}

function variableAt(
  model: DockerfileModel,
  lines: readonly string[],
  instruction: Instruction,
  position: Position,
): VariableSymbol | undefined {
  const { variables } = navigationIndex(model, lines);
  let occurrence: VariableOccurrence | undefined;
  if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
    const pair = instruction.pairs?.find((p) => rangeContains(p.key.range, position));
    if (pair) occurrence = variables.atPair(pair);
  }
  if (!occurrence) {
    const reference = instruction.variables.find(
      (v) => rangeContains(v.nameRange, position) || (rangeContains(v.range, position) && !v.modifier),
    );
    if (reference) occurrence = variables.atReference(reference);
  }
  if (!occurrence) return undefined;
  const group = variables.groupOf(occurrence);
  if (!group) return undefined;
  const direct = occurrence.definition;
  const definitions: VariableDefinition[] = [];
  if (direct && direct.kind !== 'predefined') {
    definitions.push(direct);
    if (direct.redeclares && !direct.pair?.value && direct.redeclares.kind !== 'predefined')
      definitions.push(direct.redeclares);
  }
  return {
    kind: 'variable',
    name: occurrence.name,
    group,
    definitions,
    at: { range: occurrence.range, declaration: occurrence.declaration },
    occurrences: group.occurrences.map((o) => ({ range: o.range, declaration: o.declaration })),
  };
}

function heredocAt(
  document: AnalysedDocument,
  instruction: Instruction,
  position: Position,
): HeredocSymbol | undefined {
  for (const heredoc of instruction.heredocs) {
    const declaration = heredocNameRange(heredoc);
    const terminator = heredocTerminatorRange(document, heredoc);
    const at = rangeContains(declaration, position)
      ? declaration
      : terminator && rangeContains(terminator, position)
        ? terminator
        : undefined;
    if (!at) continue;
    const occurrences: Occurrence[] = [{ range: declaration, declaration: true }];
    if (terminator) occurrences.push({ range: terminator, declaration: false });
    return { kind: 'heredoc', heredoc, instruction, at: { range: at, declaration: at === declaration }, occurrences };
  }
  return undefined;
}

/** The delimiter after `<<`, without the quotes that turn expansion off. */
function heredocNameRange(heredoc: Heredoc): Range {
  const { start, end } = heredoc.nameRange;
  const written = end.character - start.character;
  const quoted = start.line === end.line && written === heredoc.name.length + 2;
  return quoted
    ? {
        start: { line: start.line, character: start.character + 1 },
        end: { line: end.line, character: end.character - 1 },
      }
    : heredoc.nameRange;
}

/** The delimiter on the closing line (after the tabs `<<-` strips). */
function heredocTerminatorRange(document: AnalysedDocument, heredoc: Heredoc): Range | undefined {
  const range = heredoc.terminatorRange;
  if (!range) return undefined;
  const line = document.lines[range.start.line] ?? '';
  const start = line.length - heredoc.name.length;
  return {
    start: { line: range.start.line, character: start },
    end: { line: range.start.line, character: line.length },
  };
}
