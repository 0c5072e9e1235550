// BuildKit check StageNameCasing: stage names should be lowercase. References to a stage are
// case-insensitive, so lowercasing the definition alone is a safe fix.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';

export const StageNameCasing: InstructionRule = {
  code: 'StageNameCasing',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('stage-name-casing'),
  description: text('Stage names should be lowercase.', '스테이지 이름은 소문자로 씁니다.'),
  check(instruction) {
    const name = instruction.stageName;
    if (instruction.keyword !== 'FROM' || !name || name.value === name.value.toLowerCase()) return [];
    const lower = name.value.toLowerCase();
    return [
      {
        range: name.range,
        message: text(
          `Stage name "${name.value}" should be lowercase: ${lower}.`,
          `스테이지 이름 "${name.value}"는 소문자(${lower})로 씁니다.`,
        ),
        fixes: [
          fix(`Rename the stage to ${lower}`, `스테이지 이름을 ${lower}(으)로 바꾸기`, [replace(name.range, lower)]),
        ],
      },
    ];
  },
};
