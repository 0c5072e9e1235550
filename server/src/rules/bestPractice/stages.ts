// The stages of a Dockerfile as these rules need them: which instructions belong to which stage
// and which earlier stage a stage builds on. A light linear pass over the tree, kept per tree,
// so the rules do not need the full model (ARG/ENV scopes and references) on every edit.
import type { Dockerfile, Instruction } from '../../parser';

export interface BuildStage {
  index: number;
  /** Lower-cased name after AS. */
  name: string | undefined;
  from: Instruction;
  /** FROM and every instruction up to the next FROM. */
  instructions: Instruction[];
  /** The earlier stage named by FROM (compared case-insensitively, as the builder does). */
  baseStage: BuildStage | undefined;
}

const cache = new WeakMap<Dockerfile, BuildStage[]>();
const shippedCache = new WeakMap<Dockerfile, Set<BuildStage>>();

/**
 * Stages whose layers end up in the image: the final stage and the stages it is built on.
 * Builder stages whose files are only copied out are not shipped.
 */
export function imageStages(tree: Dockerfile): Set<BuildStage> {
  let stages = shippedCache.get(tree);
  if (stages) return stages;
  const all = stagesOf(tree);
  stages = new Set<BuildStage>();
  for (let stage = all[all.length - 1]; stage && !stages.has(stage); stage = stage.baseStage) stages.add(stage);
  shippedCache.set(tree, stages);
  return stages;
}

export function stagesOf(tree: Dockerfile): BuildStage[] {
  let stages = cache.get(tree);
  if (stages) return stages;
  stages = [];
  const byName = new Map<string, BuildStage>();
  let current: BuildStage | undefined;
  for (const instruction of tree.instructions) {
    if (instruction.keyword === 'FROM') {
      const image = instruction.image?.value.toLowerCase();
      current = { index: stages.length, name: instruction.stageName?.value.toLowerCase(), from: instruction, instructions: [instruction], baseStage: image ? byName.get(image) : undefined };
      stages.push(current);
      if (current.name && !byName.has(current.name)) byName.set(current.name, current);
    } else current?.instructions.push(instruction);
  }
  cache.set(tree, stages);
  return stages;
}
