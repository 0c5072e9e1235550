// Stage names must start with a letter and hold only letters, digits, -, _ and . .
import type { InstructionRule } from '../rule';
import { referenceDocs, text } from '../support';

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export const invalidStageName: InstructionRule = {
  code: 'invalid-stage-name',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('from'),
  description: text('A stage name the builder rejects.', '빌더가 받아들이지 않는 스테이지 이름입니다.'),
  check(instruction) {
    const name = instruction.stageName;
    if (instruction.keyword !== 'FROM' || !name || VALID_STAGE_NAME.test(name.value.toLowerCase())) return [];
    return [
      {
        range: name.range,
        message: text(
          `"${name.value}" is not a valid stage name: it must start with a letter and contain only letters, digits, -, _ and .`,
          `"${name.value}"는 스테이지 이름으로 쓸 수 없습니다. 글자로 시작하고 글자, 숫자, -, _, .만 써야 합니다.`,
        ),
      },
    ];
  },
};
