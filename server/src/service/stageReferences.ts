// Every place a stage is named: `FROM ... AS name`, `FROM name`, `COPY --from=name` (or its
// index, `COPY --from=0`) and `RUN --mount=from=name`. Shared by navigation, semantic tokens and links.
import type { DockerfileModel, Stage } from '../../../core/src/model';
import type { Instruction, Range } from '../../../core/src/parser';
import { withTrigger } from '../../../core/src/engine/instructionAt';
import { mountOptions } from './mountOptions';

/** `copyFromIndex`: `COPY --from=<n>`, the stage at that position, which renaming does not touch. */
type StageMentionKind = 'declaration' | 'from' | 'copyFrom' | 'copyFromIndex' | 'mountFrom';

export interface StageMention {
  kind: StageMentionKind;
  /** The name as written. */
  text: string;
  range: Range;
  stage: Stage;
}

/** Where `instruction` (and its ONBUILD trigger) names a stage of this Dockerfile, by name or COPY --from index. */
export function stageMentions(
  model: DockerfileModel,
  lines: readonly string[],
  instruction: Instruction,
): StageMention[] {
  const mentions: StageMention[] = [];
  const stageOf = model.stageOf(instruction);
  if (instruction.keyword === 'FROM' && stageOf) {
    const image = instruction.image;
    if (image && stageOf.baseStage && image.raw.toLowerCase() === stageOf.baseStage.name) {
      mentions.push({ kind: 'from', text: image.raw, range: image.range, stage: stageOf.baseStage });
    }
    if (instruction.stageName)
      mentions.push({
        kind: 'declaration',
        text: instruction.stageName.raw,
        range: instruction.stageName.range,
        stage: stageOf,
      });
  }
  for (const part of withTrigger(instruction)) {
    for (const flag of part.flags) {
      const name = flag.name.toLowerCase();
      if (name === 'from' && part.keyword === 'COPY' && flag.value !== undefined && flag.valueRange) {
        const stage = namedStage(model, flag.value);
        if (stage) mentions.push({ kind: 'copyFrom', text: flag.value, range: flag.valueRange, stage });
        // In an ONBUILD trigger an index counts the stages of the Dockerfile that builds FROM this image.
        const indexed = stage || part !== instruction ? undefined : indexedStage(model, flag.value);
        if (indexed) mentions.push({ kind: 'copyFromIndex', text: flag.value, range: flag.valueRange, stage: indexed });
      } else if (name === 'mount') {
        for (const field of mountOptions(flag, lines)) {
          if (field.key !== 'from' || !field.valueRange) continue;
          const stage = namedStage(model, field.value);
          if (stage) mentions.push({ kind: 'mountFrom', text: field.value, range: field.valueRange, stage });
        }
      }
    }
  }
  return mentions;
}

/** A stage referred to by its name (an index like `0` is not a name and cannot be renamed). */
function namedStage(model: DockerfileModel, text: string): Stage | undefined {
  const stage = model.findStage(text);
  return stage?.name !== undefined && stage.name === text.toLowerCase() ? stage : undefined;
}

/** A stage referred to by its position, as `COPY --from=0` does (RUN --mount from= takes names only). */
function indexedStage(model: DockerfileModel, text: string): Stage | undefined {
  return /^\d+$/.test(text) ? model.findStage(text) : undefined;
}
