// HEALTHCHECK is `HEALTHCHECK [options] CMD <command>` or `HEALTHCHECK NONE`, nothing else.
import type { InstructionRule } from '../rule';
import { referenceDocs, text } from '../support';

export const invalidHealthcheck: InstructionRule = {
  code: 'invalid-healthcheck',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('healthcheck'),
  description: text('HEALTHCHECK is not CMD <command> or NONE.', 'HEALTHCHECK가 CMD <명령> 또는 NONE 형태가 아닙니다.'),
  check(instruction) {
    const mode = instruction.healthcheckMode;
    if (instruction.keyword !== 'HEALTHCHECK' || !mode) return [];
    const upper = mode.value.toUpperCase();
    if (upper === 'NONE') {
      if (instruction.args.length <= 1) return [];
      return [
        {
          range: instruction.rest!.range,
          message: text(
            'HEALTHCHECK NONE takes nothing after NONE.',
            'HEALTHCHECK NONE 뒤에는 아무것도 올 수 없습니다.',
          ),
        },
      ];
    }
    if (upper !== 'CMD') {
      return [
        {
          range: mode.range,
          message: text(
            `HEALTHCHECK expects CMD or NONE, not "${mode.value}".`,
            `HEALTHCHECK 다음에는 "${mode.value}"가 아니라 CMD나 NONE이 와야 합니다.`,
          ),
        },
      ];
    }
    if (instruction.args.length >= 2) return [];
    return [
      {
        range: mode.range,
        message: text('HEALTHCHECK CMD needs a command to run.', 'HEALTHCHECK CMD 뒤에 실행할 명령이 필요합니다.'),
      },
    ];
  },
};
