// BuildKit check StageNameCasing: stage names should be lowercase. References to a stage are
// case-insensitive, so lowercasing the definition alone is a safe fix.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  notLowercase: {
    en: (p: { name: string; lower: string }) => `Stage name "${p.name}" should be lowercase: ${p.lower}.`,
    ko: (p) => `스테이지 이름 "${p.name}"는 소문자(${p.lower})로 씁니다.`,
  },
});

export const StageNameCasing: InstructionRule = {
  code: 'StageNameCasing',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('stage-name-casing'),
  description: text('Stage names should be lowercase.', '스테이지 이름은 소문자로 씁니다.'),
  messages,
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'StageNameCasing' }],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine AS Build\n', range: '0:15-0:20' }],
    valid: ['FROM alpine AS build\n'],
  },
  check(instruction) {
    const name = instruction.stageName;
    if (instruction.keyword !== 'FROM' || !name || name.value === name.value.toLowerCase()) return [];
    const lower = name.value.toLowerCase();
    return [
      {
        range: name.range,
        message: messages.notLowercase({ name: name.value, lower }),
        fixes: [
          fix(`Rename the stage to ${lower}`, `스테이지 이름을 ${lower}(으)로 바꾸기`, [replace(name.range, lower)]),
        ],
      },
    ];
  },
};
