// Size advice only matters for layers that end up in the image: the final stage and the stages
// it is built on. Builder stages whose files are only copied out are not shipped.
import type { DockerfileModel, Stage } from '../../model';
import type { Instruction } from '../../parser';
import type { DocumentRule, Finding } from '../rule';

export function imageStages(model: DockerfileModel): Set<Stage> {
  const stages = new Set<Stage>();
  for (let stage = model.stages[model.stages.length - 1]; stage && !stages.has(stage); stage = stage.baseStage) stages.add(stage);
  return stages;
}

/** A document rule that runs a per-RUN check on the RUNs of the shipped stages only. Linear. */
export function shippedRunRule(rule: Omit<DocumentRule, 'scope' | 'check'>, checkRun: (instruction: Instruction) => Finding[]): DocumentRule {
  return {
    ...rule,
    scope: 'document',
    check({ model }) {
      const findings: Finding[] = [];
      for (const stage of imageStages(model)) {
        for (const instruction of stage.instructions) if (instruction.keyword === 'RUN') findings.push(...checkRun(instruction));
      }
      return findings;
    },
  };
}
