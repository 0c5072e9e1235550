// Hover on an instruction keyword: its summary, what it does here and its brief part first, then
// the concepts this instruction raises here, then the rest of its doc (or a link to the full page).
import { conceptDoc, instructionDoc } from '../../../../core/src/docs';
import type { DockerfileModel } from '../../../../core/src/model';
import type { Instruction } from '../../../../core/src/parser';
import type { Language } from '../../../../core/src/engine/language';
import { contextConcepts } from './contextNotes';
import { type DocDetail, docHover, docLinks, docOpening } from './docMarkdown';
import { instructionFacts } from './hereFacts';
import type { HoverResult } from './hoverTypes';

export function keywordHover(
  instruction: Instruction,
  model: DockerfileModel,
  language: Language,
  detail: DocDetail = 'brief',
): HoverResult | undefined {
  const doc = instructionDoc(instruction.keyword, language);
  if (!doc) return undefined;
  const concepts = contextConcepts(instruction, model).flatMap((name) => conceptDoc(name, language) ?? []);
  const opening = docOpening(doc, instructionFacts(instruction, model, language), language);
  const parts =
    detail === 'full'
      ? [opening, ...concepts.map((concept) => concept.markdown), doc.rest]
      : [
          `${opening}\n\n${docLinks(doc, language)}`,
          ...concepts.map((concept) => docHover(concept, 'brief', language)),
        ];
  return { markdown: parts.filter(Boolean).join('\n\n---\n\n'), range: instruction.keywordRange };
}
