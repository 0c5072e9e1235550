// Inlay hints: the value a variable has in FROM and in paths (WORKDIR, COPY, ADD, VOLUME),
// shown after it when every value it depends on is known from this Dockerfile.
import type { InlayHint } from 'vscode-languageserver';
import { type DockerfileModel, expandValue, type VariableDefinition } from '../../../core/src/model';
import type { Instruction, VariableReference } from '../../../core/src/parser';
import type { LocalizedText } from '../../../core/src/rules';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import { instructionsInLines } from '../../../core/src/engine/instructionAt';
import type { Language } from '../../../core/src/engine/language';
import { comparePositions } from './lspRange';
import { navigationIndex } from './navigation/navigationIndex';

const HINTED_KEYWORDS: ReadonlySet<string> = new Set(['FROM', 'WORKDIR', 'COPY', 'ADD', 'VOLUME']);
const MAX_LABEL = 40;
/** A value can be up to MAX_EXPANDED_LENGTH; the tooltip shows its start. */
const MAX_TOOLTIP_VALUE = 1_000;

export function variableValueHints(
  document: AnalysedDocument,
  fromLine: number,
  toLine: number,
  language: Language,
): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const instruction of instructionsInLines(document.tree, fromLine, toLine)) {
    if (!HINTED_KEYWORDS.has(instruction.keyword) || instruction.variables.length === 0) continue;
    hints.push(...instructionHints(document, instruction, language));
  }
  return hints.filter((hint) => hint.position.line >= fromLine && hint.position.line <= toLine);
}

function instructionHints(document: AnalysedDocument, instruction: Instruction, language: Language): InlayHint[] {
  const model = document.model;
  const hints: InlayHint[] = [];
  const variables = instruction.variables;
  for (let next = 0; next < variables.length; ) {
    // References inside another one's default value are part of that one's hint. The parser
    // lists each reference right before those nested in it, so they are the run that follows
    // (found by a forward scan: filtering every reference each time was quadratic).
    const reference = variables[next]!;
    const { range } = reference;
    let end = next + 1;
    while (end < variables.length && within(variables[end]!, range)) end++;
    const inside = variables.slice(next, end);
    next = end;
    if (range.start.line !== range.end.line || reference.malformed) continue;
    const values = new Map<string, string>();
    let known = true;
    let fromArg = false;
    for (const variable of inside) {
      const definition = knownDefinition(model, document.lines, variable);
      if (definition?.value === undefined) known = false;
      else values.set(variable.name, definition.value);
      if (definition?.kind === 'arg') fromArg = true;
    }
    if (!known) continue;
    const written = document.lines[range.start.line]!.slice(range.start.character, range.end.character);
    const value = expandValue(written, (name) => values.get(name), document.tree.escapeChar);
    if (value === undefined) continue;
    const label = value.length > MAX_LABEL ? `${value.slice(0, MAX_LABEL - 1)}…` : value;
    const shown = value.length > MAX_TOOLTIP_VALUE ? `${value.slice(0, MAX_TOOLTIP_VALUE - 1)}…` : value;
    const tooltip: LocalizedText = fromArg
      ? {
          en: `Value here: "${shown}" (the ARG default; --build-arg can change it).`,
          ko: `여기서의 값: "${shown}" (ARG 기본값이며 --build-arg로 바꿀 수 있습니다).`,
        }
      : { en: `Value here: "${shown}".`, ko: `여기서의 값: "${shown}".` };
    hints.push({
      position: { ...range.end },
      label: `= ${label === '' ? '""' : label}`,
      paddingLeft: true,
      tooltip: tooltip[language],
    });
  }
  return hints;
}

function within(reference: VariableReference, range: VariableReference['range']): boolean {
  return (
    comparePositions(reference.range.start, range.start) >= 0 && comparePositions(reference.range.end, range.end) <= 0
  );
}

/**
 * The definition giving the value in this Dockerfile;
 * undefined when the value comes from outside (the builder, the base image).
 */
function knownDefinition(
  model: DockerfileModel,
  lines: readonly string[],
  reference: VariableReference,
): VariableDefinition | undefined {
  const definition = navigationIndex(model, lines).variables.atReference(reference)?.definition;
  if (!definition || definition.kind === 'predefined' || definition.redeclares?.kind === 'predefined') return undefined;
  return definition;
}
