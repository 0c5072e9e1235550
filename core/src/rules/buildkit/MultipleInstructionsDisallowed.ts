// BuildKit check MultipleInstructionsDisallowed: only the last CMD, ENTRYPOINT or HEALTHCHECK
// of a stage takes effect; the earlier ones are reported.
import type { Instruction } from '../../parser';
import type { Finding, StageRule } from '../rule';
import { buildCheckDocs, text } from '../support';

const ONCE = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export const MultipleInstructionsDisallowed: StageRule = {
  code: 'MultipleInstructionsDisallowed',
  kind: 'build-check',
  scope: 'stage',
  positional: true,
  severity: 'warning',
  docs: buildCheckDocs('multiple-instructions-disallowed'),
  description: text(
    'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage is used.',
    '스테이지마다 마지막 CMD, ENTRYPOINT, HEALTHCHECK만 적용됩니다.',
  ),
  check({ stage }) {
    const findings: Finding[] = [];
    const previous = new Map<string, Instruction>();
    for (const instruction of stage.instructions) {
      if (!ONCE.has(instruction.keyword)) continue;
      const earlier = previous.get(instruction.keyword);
      if (earlier) {
        findings.push({
          range: earlier.keywordRange,
          instruction: earlier,
          message: text(
            `This ${earlier.keyword} has no effect: the ${instruction.keyword} on line ${instruction.range.start.line + 1} replaces it, since a stage keeps only its last one.`,
            `이 ${earlier.keyword}는 효과가 없습니다. 스테이지에는 마지막 것만 남으므로 ${instruction.range.start.line + 1}번째 줄의 ${instruction.keyword}가 이것을 대신합니다.`,
          ),
        });
      }
      previous.set(instruction.keyword, instruction);
    }
    return findings;
  },
};
