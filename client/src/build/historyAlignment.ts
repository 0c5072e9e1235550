// Layer sizes for buildah (podman) builds. Podman's history ids do not name the steps' images,
// and its CreatedBy shows COPY as `COPY file:<digest> in /dest`, so neither id nor text finds a
// step's layer. Its history has one entry per instruction of the target's stage chain (FROM
// excepted), newest first, after the base image's own entries: read from the newest end, entry
// i belongs to the i-th instruction from the end, as long as the keywords agree. Pure.
import type { DockerfileOutline } from '../docker/dockerfileOutline';
import { targetStage } from '../docker/dockerfileOutline';
import type { ImageLayer } from '../docker/imageHistory';

/** The target's stage and the stages it is built FROM, oldest first. */
function stageChain(outline: DockerfileOutline, target: string | undefined): number[] {
  const chain: number[] = [];
  let stage = targetStage(outline, target);
  while (stage !== undefined && !chain.includes(stage.index)) {
    chain.unshift(stage.index);
    stage = stage.baseStage === undefined ? undefined : outline.stages[stage.baseStage];
  }
  return chain;
}

/** The keyword a history entry was made by: `#(nop) COPY …` names it; a plain command is a RUN. */
function keywordOfEntry(createdBy: string): string {
  const nop = /#\(nop\)\s+([A-Za-z]+)/.exec(createdBy);
  return nop?.[1]?.toUpperCase() ?? 'RUN';
}

/** Size in bytes per instruction index, for the instructions of the target's chain. */
export function layerSizesByChain(
  outline: DockerfileOutline,
  target: string | undefined,
  layers: readonly ImageLayer[],
): Map<number, number> {
  const instructions = stageChain(outline, target).flatMap((stageIndex) =>
    (outline.stages[stageIndex]?.instructionIndexes ?? []).filter(
      (index) => outline.instructions[index]?.keyword !== 'FROM',
    ),
  );
  const sizes = new Map<number, number>();
  for (let offset = 0; offset < Math.min(instructions.length, layers.length); offset++) {
    const index = instructions[instructions.length - 1 - offset] as number;
    const layer = layers[offset] as ImageLayer;
    if (keywordOfEntry(layer.createdBy) !== outline.instructions[index]?.keyword) break;
    if (layer.sizeBytes !== undefined) sizes.set(index, layer.sizeBytes);
  }
  return sizes;
}
