// Hover on an instruction keyword: the concepts this instruction raises here, then its reference doc.
import { conceptDoc, instructionDoc } from '../../docs';
import type { DockerfileModel } from '../../model';
import type { Instruction } from '../../parser';
import type { Language } from '../language';
import { contextConcepts } from './contextNotes';
import type { HoverResult } from './hoverTypes';

const rendered = new Map<string, string>();

export function keywordHover(instruction: Instruction, model: DockerfileModel, language: Language): HoverResult | undefined {
  const concepts = contextConcepts(instruction, model);
  const key = `${language}|${instruction.keyword}|${concepts.join(',')}`;
  let markdown = rendered.get(key);
  if (markdown === undefined) {
    const doc = instructionDoc(instruction.keyword, language);
    if (!doc) return undefined;
    const notes = concepts.flatMap((name) => conceptDoc(name, language)?.markdown ?? []);
    markdown = [...notes, doc.markdown].join('\n\n---\n\n');
    rendered.set(key, markdown);
  }
  return { markdown, range: instruction.keywordRange };
}
