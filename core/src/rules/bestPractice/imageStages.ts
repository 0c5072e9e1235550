// Size advice only matters for layers that end up in the image: the final stage and the stages
// it is built on. Builder stages whose files are only copied out are not shipped.
import type { Instruction } from '../../parser';
import type { Finding, StageRule } from '../rule';
import { memoFindings } from './instructionMemo';

/** A stage rule that runs a per-RUN check (memoised per instruction) on the shell-form RUNs of shipped stages only. */
export function shippedRunRule(
  rule: Omit<StageRule, 'scope' | 'check'>,
  checkRun: (instruction: Instruction) => Finding[],
): StageRule {
  const checkMemo = memoFindings(checkRun);
  return {
    ...rule,
    scope: 'stage',
    check(stage) {
      const findings: Finding[] = [];
      if (!stage.shipped) return findings;
      for (const instruction of stage.instructions)
        if (instruction.keyword === 'RUN' && !instruction.exec) findings.push(...checkMemo(instruction));
      return findings;
    },
  };
}
