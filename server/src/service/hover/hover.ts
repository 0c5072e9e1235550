// Hover: finds what is under the cursor in the cached analysed document and explains it.
import type { Hover } from 'vscode-languageserver';
import { conceptDoc, directiveDoc, healthcheckDoc } from '../../../../core/src/docs';
import type { Instruction, Position } from '../../../../core/src/parser';
import type { AnalysedDocument } from '../../../../core/src/engine/analysedDocument';
import type { CheckedFinding } from '../../../../core/src/engine/checkEngine';
import { innermostInstruction, instructionAt } from '../../../../core/src/engine/instructionAt';
import type { Language } from '../../../../core/src/engine/language';
import { rangeContains, toLspRange } from '../lspRange';
import { CD_COMMAND } from './contextNotes';
import { type DocDetail, docHover } from './docMarkdown';
import { findingSections } from './findingHover';
import { flagHover } from './flagHover';
import { imageFactsMarkdown } from './imageFactsHover';
import { directiveFacts } from './hereFacts';
import type { HoverResult } from './hoverTypes';
import { keywordHover } from './keywordHover';
import { imageHover, stageHover, variableHover } from './referenceHover';

/**
 * `detail` is the `layerwise.docs.detail` setting: `brief` docs end with a link to their full page.
 * `findings` are the last check's of this version: those under the cursor add a section each.
 */
export function hover(
  document: AnalysedDocument,
  position: Position,
  language: Language,
  detail: DocDetail = 'brief',
  findings: readonly CheckedFinding[] = [],
): Hover | null {
  const result = withFindings(hoverResult(document, position, language, detail), findings, position, language);
  return result ? { contents: { kind: 'markdown', value: result.markdown }, range: toLspRange(result.range) } : null;
}

/** The doc hover (if any) followed by the sections for the findings under the cursor. */
function withFindings(
  result: HoverResult | undefined,
  findings: readonly CheckedFinding[],
  position: Position,
  language: Language,
): HoverResult | undefined {
  const sections = findingSections(findings, position, language);
  if (!sections) return result;
  if (!result) return sections;
  return { markdown: `${result.markdown}\n\n---\n\n${sections.markdown}`, range: result.range };
}

function hoverResult(
  document: AnalysedDocument,
  position: Position,
  language: Language,
  detail: DocDetail,
): HoverResult | undefined {
  const tree = document.tree;
  for (const directive of tree.directives) {
    if (rangeContains(directive.range, position)) {
      const doc = directiveDoc(directive.name, language);
      return doc
        ? { markdown: docHover(doc, detail, language, directiveFacts(directive, language)), range: directive.range }
        : undefined;
    }
  }
  const outer = instructionAt(tree, position);
  if (!outer) return undefined;
  const instruction = innermostInstruction(outer, position);
  if (instruction !== outer && rangeContains(outer.keywordRange, position))
    return keywordHover(outer, document.model, language, detail);
  return instructionPartHover(document, instruction, position, language, detail);
}

function instructionPartHover(
  document: AnalysedDocument,
  instruction: Instruction,
  position: Position,
  language: Language,
  detail: DocDetail,
): HoverResult | undefined {
  const model = document.model;
  if (rangeContains(instruction.keywordRange, position)) return keywordHover(instruction, model, language, detail);
  // Variables first: they can sit inside a flag value or an image name.
  const reference = instruction.variables.find((v) => rangeContains(v.range, position));
  if (reference) return variableHover(model, reference, language, detail);
  const flag = instruction.flags.find((f) => rangeContains(f.range, position));
  if (flag) return flagHover(instruction, flag, position, document.lines, model, language, detail);
  switch (instruction.keyword) {
    case 'FROM':
      return fromHover(document, instruction, position, language, detail);
    case 'HEALTHCHECK': {
      const mode = instruction.healthcheckMode;
      if (mode && rangeContains(mode.range, position)) {
        const doc = healthcheckDoc(mode.value, language);
        return doc ? { markdown: docHover(doc, detail, language), range: mode.range } : undefined;
      }
      return undefined;
    }
    case 'RUN':
      return cdHover(document, instruction, position, language, detail);
    default:
      return undefined;
  }
}

function fromHover(
  document: AnalysedDocument,
  instruction: Instruction,
  position: Position,
  language: Language,
  detail: DocDetail,
): HoverResult | undefined {
  const model = document.model;
  const stage = model.stageOf(instruction);
  if (!stage) return undefined;
  const image = instruction.image;
  if (image && rangeContains(image.range, position)) {
    if (stage.baseStage) return stageHover(stage.baseStage, image.range, language);
    const found = imageHover(image.raw, image.range, language, stage.resolvedBaseImage, detail);
    const facts = stage.inherited.image;
    return facts ? { ...found, markdown: `${found.markdown}\n\n---\n\n${imageFactsMarkdown(facts, language)}` } : found;
  }
  const name = instruction.stageName;
  if (name && rangeContains(name.range, position)) return stageHover(stage, name.range, language);
  return undefined;
}

/** `cd` inside a RUN command: explain why WORKDIR is the way to change directory. */
function cdHover(
  document: AnalysedDocument,
  instruction: Instruction,
  position: Position,
  language: Language,
  detail: DocDetail,
): HoverResult | undefined {
  const rest = instruction.rest;
  if (!rest || instruction.exec || !rangeContains(rest.range, position)) return undefined;
  const line = document.lines[position.line] ?? '';
  let start = position.character;
  while (start > 0 && /\S/.test(line[start - 1]!)) start--;
  let end = position.character;
  while (end < line.length && /\S/.test(line[end]!)) end++;
  const commandStart = rest.range.start.line === position.line ? rest.range.start.character : 0;
  if (line.slice(start, end) !== 'cd' || !CD_COMMAND.test(`${line.slice(commandStart, end)} `)) return undefined;
  const doc = conceptDoc('workdir-vs-cd', language);
  return doc
    ? {
        markdown: docHover(doc, detail, language),
        range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } },
      }
    : undefined;
}
