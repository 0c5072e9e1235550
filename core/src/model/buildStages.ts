// The build stages as rules see them: which instructions belong to which stage and which
// earlier stage a stage builds on. A light linear pass over the tree, kept per tree, so rules
// never need the full model (ARG/ENV scopes and references) on an edit.
import type { Dockerfile, Instruction } from '../parser';
import type { FileFacts } from './fileFacts';

export interface BuildStage {
  index: number;
  /** Lower-cased name after AS. */
  name: string | undefined;
  from: Instruction;
  /** FROM and every instruction up to the next FROM. */
  instructions: Instruction[];
  /** The FROM image with global ARG defaults expanded; undefined when a value is unknown. */
  image: string | undefined;
  /** The earlier stage named by FROM (compared case-insensitively, as the builder does). */
  baseStage: BuildStage | undefined;
}

const cache = new WeakMap<Dockerfile, BuildStage[]>();
const shippedCache = new WeakMap<Dockerfile, Set<BuildStage>>();

export function stagesOf(tree: Dockerfile, facts: FileFacts): BuildStage[] {
  let stages = cache.get(tree);
  if (stages) return stages;
  stages = [];
  const byName = new Map<string, BuildStage>();
  const all = tree.instructions;
  const starts: number[] = [];
  for (let i = 0; i < all.length; i++) if (all[i]!.keyword === 'FROM') starts.push(i);
  starts.forEach((start, index) => {
    const from = all[start]!;
    const raw = from.image?.raw ?? '';
    const image = facts.resolveImage(raw);
    const baseStage = byName.get((image ?? raw).toLowerCase());
    const stage: BuildStage = {
      index,
      name: from.stageName?.value.toLowerCase(),
      from,
      instructions: all.slice(start, starts[index + 1] ?? all.length),
      image,
      baseStage,
    };
    stages!.push(stage);
    if (stage.name && !byName.has(stage.name)) byName.set(stage.name, stage);
  });
  cache.set(tree, stages);
  return stages;
}

/**
 * Stages whose layers end up in the image: the final stage and the stages it is built on.
 * Builder stages whose files are only copied out are not shipped.
 */
export function shippedStages(tree: Dockerfile, facts: FileFacts): Set<BuildStage> {
  let shipped = shippedCache.get(tree);
  if (shipped) return shipped;
  const all = stagesOf(tree, facts);
  shipped = new Set<BuildStage>();
  for (let stage = all[all.length - 1]; stage && !shipped.has(stage); stage = stage.baseStage) shipped.add(stage);
  shippedCache.set(tree, shipped);
  return shipped;
}
