// BuildKit check ReservedStageName: `scratch` and `context` already mean something in FROM
// and COPY --from, so a stage must not take those names.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  reservedName: {
    en: (p: { name: string }) => `"${p.name}" is a reserved name and cannot name a stage; choose another.`,
    ko: (p) => `"${p.name}"는 예약된 이름이라 스테이지 이름으로 쓸 수 없습니다. 다른 이름을 씁니다.`,
  },
});

const RESERVED = new Set(['scratch', 'context']);

export const ReservedStageName: InstructionRule = {
  code: 'ReservedStageName',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('reserved-stage-name'),
  description: text('Reserved words should not be used as stage names.', '예약어를 스테이지 이름으로 쓰지 않습니다.'),
  messages,
  category: 'buildkit',
  equivalents: [
    { tool: 'buildkit', id: 'ReservedStageName' },
    { tool: 'hadolint', id: 'DL3063' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine AS scratch\n', range: '0:15-0:22' }],
    valid: ['FROM alpine AS scratch2\n'],
  },
  check(instruction) {
    const name = instruction.stageName;
    if (instruction.keyword !== 'FROM' || !name || !RESERVED.has(name.value.toLowerCase())) return [];
    return [
      {
        range: name.range,
        message: messages.reservedName({ name: name.value }),
      },
    ];
  },
};
