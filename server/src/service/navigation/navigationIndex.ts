// Per-model indexes for navigation, built on first use and kept with the model (one per
// document version), so repeated requests on a large file are map look-ups.
import type { DockerfileModel, Stage } from '../../../../core/src/model';
import { type StageMention, stageMentions } from '../stageReferences';
import { VariableGroups } from './variableGroups';

export interface NavigationIndex {
  variables: VariableGroups;
  /** Every mention of each stage, declaration first, in source order. */
  stageMentions: Map<Stage, StageMention[]>;
}

const cache = new WeakMap<DockerfileModel, NavigationIndex>();

/** `lines`: the source lines of the same version (for positions inside flag values). */
export function navigationIndex(model: DockerfileModel, lines: readonly string[]): NavigationIndex {
  let index = cache.get(model);
  if (!index) {
    const mentions = new Map<Stage, StageMention[]>();
    for (const stage of model.stages) mentions.set(stage, []);
    for (const instruction of model.tree.instructions) {
      for (const mention of stageMentions(model, lines, instruction)) mentions.get(mention.stage)?.push(mention);
    }
    index = { variables: new VariableGroups(model), stageMentions: mentions };
    cache.set(model, index);
  }
  return index;
}
