// HEALTHCHECK is `HEALTHCHECK [options] CMD <command>` or `HEALTHCHECK NONE`, nothing else.
import type { InstructionRule } from '../rule';
import { referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  argumentsAfterNone: {
    en: () => 'HEALTHCHECK NONE takes nothing after NONE.',
    ko: () => 'HEALTHCHECK NONE 뒤에는 아무것도 올 수 없습니다.',
  },
  unknownMode: {
    en: (p: { value: string }) => `HEALTHCHECK expects CMD or NONE, not "${p.value}".`,
    ko: (p) => `HEALTHCHECK 다음에는 "${p.value}"가 아니라 CMD나 NONE이 와야 합니다.`,
  },
  missingCommand: {
    en: () => 'HEALTHCHECK CMD needs a command to run.',
    ko: () => 'HEALTHCHECK CMD 뒤에 실행할 명령이 필요합니다.',
  },
});

export const invalidHealthcheck: InstructionRule = {
  code: 'invalid-healthcheck',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('healthcheck'),
  description: text('HEALTHCHECK is not CMD <command> or NONE.', 'HEALTHCHECK가 CMD <명령> 또는 NONE 형태가 아닙니다.'),
  messages,
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nHEALTHCHECK RUN true\n', range: '1:12-1:15' }],
    valid: ['FROM alpine\nHEALTHCHECK cmd true\n'],
  },
  check(instruction) {
    const mode = instruction.healthcheckMode;
    if (instruction.keyword !== 'HEALTHCHECK' || !mode) return [];
    const upper = mode.value.toUpperCase();
    if (upper === 'NONE') {
      if (instruction.args.length <= 1) return [];
      return [
        {
          range: instruction.rest!.range,
          message: messages.argumentsAfterNone(),
        },
      ];
    }
    if (upper !== 'CMD') {
      return [
        {
          range: mode.range,
          message: messages.unknownMode({ value: mode.value }),
        },
      ];
    }
    if (instruction.args.length >= 2) return [];
    return [
      {
        range: mode.range,
        message: messages.missingCommand(),
      },
    ];
  },
};
