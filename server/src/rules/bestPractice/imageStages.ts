// Size advice only matters for layers that end up in the image: the final stage and the stages
// it is built on. Builder stages whose files are only copied out are not shipped.
import type { Dockerfile, Instruction } from '../../parser';
import type { DocumentRule, Finding } from '../rule';
import { memoFindings } from './instructionMemo';
import { type BuildStage, stagesOf } from './stages';

export function imageStages(tree: Dockerfile): Set<BuildStage> {
  const all = stagesOf(tree);
  const stages = new Set<BuildStage>();
  for (let stage = all[all.length - 1]; stage && !stages.has(stage); stage = stage.baseStage) stages.add(stage);
  return stages;
}

/** A document rule that runs a per-RUN check (memoised per instruction) on the RUNs of the shipped stages only. Linear. */
export function shippedRunRule(rule: Omit<DocumentRule, 'scope' | 'check'>, checkRun: (instruction: Instruction) => Finding[]): DocumentRule {
  const checkMemo = memoFindings(checkRun);
  return {
    ...rule,
    scope: 'document',
    check({ tree }) {
      const findings: Finding[] = [];
      for (const stage of imageStages(tree)) {
        for (const instruction of stage.instructions) if (instruction.keyword === 'RUN') findings.push(...checkMemo(instruction));
      }
      return findings;
    },
  };
}
