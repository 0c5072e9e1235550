// BuildKit check ReservedStageName: `scratch` and `context` already mean something in FROM
// and COPY --from, so a stage must not take those names.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, text } from '../support';

const RESERVED = new Set(['scratch', 'context']);

export const ReservedStageName: InstructionRule = {
  code: 'ReservedStageName',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('reserved-stage-name'),
  description: text('Reserved words should not be used as stage names.', '예약어를 스테이지 이름으로 쓰지 않습니다.'),
  check(instruction) {
    const name = instruction.stageName;
    if (instruction.keyword !== 'FROM' || !name || !RESERVED.has(name.value.toLowerCase())) return [];
    return [
      {
        range: name.range,
        message: text(
          `"${name.value}" is a reserved name and cannot name a stage; choose another.`,
          `"${name.value}"는 예약된 이름이라 스테이지 이름으로 쓸 수 없습니다. 다른 이름을 씁니다.`,
        ),
      },
    ];
  },
};
