// Size advice only matters for layers that end up in the image: the final stage and the stages
// it is built on. Builder stages whose files are only copied out are not shipped.
import type { Instruction } from '../../parser';
import type { DocumentRule, Finding } from '../rule';
import { memoFindings } from './instructionMemo';
import { runsOf } from './stageShell';

/** A document rule that runs a per-RUN check (memoised per instruction) on the RUNs of the shipped stages only. Linear. */
export function shippedRunRule(rule: Omit<DocumentRule, 'scope' | 'check'>, checkRun: (instruction: Instruction) => Finding[]): DocumentRule {
  const checkMemo = memoFindings(checkRun);
  return {
    ...rule,
    scope: 'document',
    check({ tree }) {
      const findings: Finding[] = [];
      for (const run of runsOf(tree)) if (run.shipped) findings.push(...checkMemo(run.instruction));
      return findings;
    },
  };
}
