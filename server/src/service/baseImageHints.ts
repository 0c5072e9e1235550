// Inlay hints from the base image's config (layerwise.inlayHints.baseImage): after a FROM on an
// image whose facts are known, the user, working directory and command the stage starts with;
// after an ENTRYPOINT that resets a CMD the stage inherited, that it does.
import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import { instructionsInLines } from '../../../core/src/engine/instructionAt';
import type { Language } from '../../../core/src/engine/language';
import { pick } from '../../../core/src/engine/localized';
import type { DockerfileModel } from '../../../core/src/model';
import type { ImageFacts } from '../../../core/src/model/imageFacts';
import { cmdInEffect, UNKNOWN } from '../../../core/src/model/runConfig';
import type { Instruction } from '../../../core/src/parser';
import { imageFactsSource } from './hover/imageFactsHover';

const MAX_COMMAND = 40;

const short = (text: string): string => (text.length > MAX_COMMAND ? `${text.slice(0, MAX_COMMAND - 1)}…` : text);

export function baseImageHints(
  document: AnalysedDocument,
  fromLine: number,
  toLine: number,
  language: Language,
): InlayHint[] {
  const model = document.model;
  const hints: InlayHint[] = [];
  for (const instruction of instructionsInLines(document.tree, fromLine, toLine)) {
    const hint =
      instruction.keyword === 'FROM'
        ? fromHint(instruction, model, language)
        : instruction.keyword === 'ENTRYPOINT'
          ? entrypointHint(instruction, model, language)
          : undefined;
    if (hint && hint.position.line >= fromLine && hint.position.line <= toLine) hints.push(hint);
  }
  return hints;
}

function fromHint(instruction: Instruction, model: DockerfileModel, language: Language): InlayHint | undefined {
  const stage = model.stageOf(instruction);
  const facts = stage && !stage.baseStage ? stage.inherited.image : undefined;
  if (!facts) return undefined;
  return {
    position: instruction.range.end,
    label: factsLabel(facts, language),
    kind: InlayHintKind.Type,
    tooltip: imageFactsSource(facts, language),
    paddingLeft: true,
  };
}

function factsLabel(facts: ImageFacts, language: Language): string {
  const parts = [
    pick({ en: `user ${facts.user || 'root'}`, ko: `사용자 ${facts.user || 'root'}` }, language),
    pick({ en: `in ${facts.workdir || '/'}`, ko: `작업 디렉터리 ${facts.workdir || '/'}` }, language),
  ];
  const argv = [...(facts.entrypoint ?? []), ...(facts.cmd ?? [])];
  if (argv.length) parts.push(pick({ en: 'runs ', ko: '실행 ' }, language) + short(argv.join(' ')));
  return parts.join(', ');
}

/** After an ENTRYPOINT that resets the CMD its stage inherited (none set before it in the stage). */
function entrypointHint(instruction: Instruction, model: DockerfileModel, language: Language): InlayHint | undefined {
  const stage = model.stageOf(instruction);
  if (!stage) return undefined;
  const before = stage.before(instruction);
  const position = Math.max(0, stage.instructions.indexOf(instruction));
  if (stage.instructions.slice(0, position).some((earlier) => earlier.keyword === 'CMD')) return undefined;
  const inherited = cmdInEffect(before, model);
  if (inherited === UNKNOWN || !inherited || inherited.argv.length === 0) return undefined;
  const label =
    inherited.setBy === undefined
      ? pick({ en: 'CMD from the base image is reset', ko: '베이스 이미지의 CMD가 지워짐' }, language)
      : pick({ en: 'CMD from the base stage is reset', ko: '바탕 스테이지의 CMD가 지워짐' }, language);
  return {
    position: instruction.range.end,
    label,
    kind: InlayHintKind.Parameter,
    tooltip: `CMD ${JSON.stringify(inherited.argv)}`,
    paddingLeft: true,
  };
}
