// Stage names must start with a letter and hold only letters, digits, -, _ and . .
import type { InstructionRule } from '../rule';
import { referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  invalidName: {
    en: (p: { name: string }) =>
      `"${p.name}" is not a valid stage name: it must start with a letter and contain only letters, digits, -, _ and .`,
    ko: (p) => `"${p.name}"는 스테이지 이름으로 쓸 수 없습니다. 글자로 시작하고 글자, 숫자, -, _, .만 써야 합니다.`,
  },
});

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export const invalidStageName: InstructionRule = {
  code: 'invalid-stage-name',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('from'),
  description: text('A stage name the builder rejects.', '빌더가 받아들이지 않는 스테이지 이름입니다.'),
  messages,
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine AS 1st\n', range: '0:15-0:18' }],
    valid: ['FROM alpine AS first-1.x_y\n'],
  },
  check(instruction) {
    const name = instruction.stageName;
    if (instruction.keyword !== 'FROM' || !name || VALID_STAGE_NAME.test(name.value.toLowerCase())) return [];
    return [
      {
        range: name.range,
        message: messages.invalidName({ name: name.value }),
      },
    ];
  },
};
