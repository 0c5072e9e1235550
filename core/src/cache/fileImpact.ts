// What changing one build-context file rebuilds: the first layer whose cache it invalidates,
// and every layer after it that rebuilds because of that (the rest of its stage, stages built
// FROM it, and layers that copy or mount from it).
import type { Stage } from '../model';
import type { LayerAnalysis, LayerStep } from './layers';
import { sourceTakes } from './sourceMatch';

export interface FileImpact {
  /** The first layer (in file order) whose cache the change invalidates. */
  first: LayerStep;
  /** Layers after `first` that rebuild as a consequence. */
  rebuiltAfter: number;
  /** Every layer that rebuilds, `first` included, in file order. */
  rebuilt: readonly LayerStep[];
}

/**
 * `relativePath` is relative to the build context root with `/` separators. `isIgnored` says
 * whether .dockerignore leaves it out of the context (then nothing rebuilds).
 */
export function fileImpact(
  analysis: LayerAnalysis,
  relativePath: string,
  isIgnored: (path: string) => boolean,
  options: { folder?: boolean } = {},
): FileImpact | undefined {
  if (isIgnored(relativePath)) return undefined;
  // A folder changes when a file below it does: sources inside it count too.
  const takes = (source: string): boolean =>
    sourceTakes(source, relativePath) ||
    (options.folder === true && (relativePath === '' || source.startsWith(`${relativePath}/`)));
  const invalidStages = new Set<Stage>();
  const rebuilt: LayerStep[] = [];
  const stepsByStage = new Map<Stage, LayerStep[]>();
  for (const step of analysis.steps) {
    const list = stepsByStage.get(step.stage);
    if (list) list.push(step);
    else stepsByStage.set(step.stage, [step]);
  }
  for (const stage of analysis.model.stages) {
    let broken = stage.baseStage !== undefined && invalidStages.has(stage.baseStage);
    for (const step of stepsByStage.get(stage) ?? []) {
      if (!broken && (step.contextSources.some(takes) || step.fromStages.some((s) => invalidStages.has(s))))
        broken = true;
      if (broken) rebuilt.push(step);
    }
    if (broken) invalidStages.add(stage);
  }
  const first = rebuilt[0];
  return first ? { first, rebuiltAfter: rebuilt.length - 1, rebuilt } : undefined;
}
