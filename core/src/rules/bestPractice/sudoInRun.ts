import type { InstructionRule } from '../rule';
import { BEST_PRACTICES, toolCalls } from './support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  sudoUsed: {
    en: () =>
      'sudo in a Dockerfile brings TTY and password prompts, and keeps a setuid tool in the image. Run this step ' +
      'under the right USER instead.',
    ko: () =>
      'Dockerfile의 sudo는 TTY·비밀번호 문제를 일으키고 setuid 도구를 이미지에 남깁니다. 대신 알맞은 USER로 이 단계를 실행하세요.',
  },
});

export const sudoInRun: InstructionRule = {
  scope: 'instruction',
  code: 'SudoInRun',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#user`,
  description: {
    en:
      'RUN needs no sudo: switch users with USER, ' +
      'and use gosu or su-exec when a program must drop privileges at run time.',
    ko: 'RUN에는 sudo가 필요 없습니다. 사용자는 USER로 바꾸고, 실행 시 권한을 낮춰야 한다면 gosu나 su-exec를 쓰세요.',
  },
  messages,
  category: 'security',
  equivalents: [
    { tool: 'hadolint', id: 'DL3004' },
    { tool: 'droast', id: 'DF010' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN sudo make install\n', range: '1:4-1:8' }],
    valid: ['FROM debian:12\nRUN make install\n'],
  },
  check(instruction) {
    return toolCalls(instruction, ['sudo']).map((call) => ({
      range: call.command.name.range,
      message: messages.sudoUsed(),
    }));
  },
};
