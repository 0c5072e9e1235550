// Which instructions a build did not build: every instruction of a stage after the target, and of
// a stage the target does not need when the builder reported no step of it (BuildKit and buildah
// skip such stages; the classic builder builds every stage up to the target and says so). Pure.
import { type DockerfileOutline, stagesNeededFor, targetStage } from '../docker/dockerfileOutline';
import type { LocatedStep } from './stepLocations';

/** Indexes of the instructions that were not built, in file order. */
export function notBuiltInstructions(
  outline: DockerfileOutline,
  target: string | undefined,
  located: readonly LocatedStep[],
): number[] {
  const last = targetStage(outline, target)?.index ?? outline.stages.length - 1;
  const needed = stagesNeededFor(outline, target);
  const reported = new Set<number>();
  for (const step of located) {
    const stageIndex = outline.instructions[step.instructionIndex]?.stageIndex;
    if (stageIndex !== undefined) reported.add(stageIndex);
  }
  const notBuilt: number[] = [];
  for (const stage of outline.stages) {
    const skipped = stage.index > last || (!needed.has(stage.index) && !reported.has(stage.index));
    if (skipped) notBuilt.push(...stage.instructionIndexes);
  }
  return notBuilt;
}
