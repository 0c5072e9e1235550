import type { Stage } from '../../model';
import type { Instruction } from '../../parser';
import type { DocumentRule } from '../rule';
import { BEST_PRACTICES } from './support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  endsAsRoot: {
    en: () =>
      'The final stage switches to root and never back, so containers from this image run as root. Add a USER ' +
      'with an unprivileged user after the steps that need root.',
    ko: () =>
      '마지막 스테이지가 root로 바꾼 뒤 되돌리지 않아 이 이미지의 컨테이너가 root로 실행됩니다. root가 필요한 단계 뒤에 권한 없는 사용자로 USER를 추가하세요.',
  },
});

const ROOT = /^(root|0)(:.*)?$/;

/** The stage's last USER instruction (its positions follow the tree, so it may be kept). */
function lastUserOf(stage: Stage): Instruction | undefined {
  let found: Instruction | undefined;
  for (const instruction of stage.instructions) if (instruction.keyword === 'USER') found = instruction;
  return found;
}

export const finalStageUserRoot: DocumentRule = {
  scope: 'document',
  code: 'FinalStageUserRoot',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#user`,
  description: {
    en: 'The image runs as the last USER of its final stage; ending on USER root gives every container root rights.',
    ko: '이미지는 마지막 스테이지의 마지막 USER로 실행됩니다. USER root로 끝나면 모든 컨테이너가 root 권한으로 돕니다.',
  },
  messages,
  category: 'security',
  equivalents: [
    { tool: 'hadolint', id: 'DL3002' },
    { tool: 'droast', id: 'DF002', note: 'flags every USER root, in any stage' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nUSER root\n', range: '1:5-1:9' }],
    valid: ['FROM debian:12\nUSER root\nRUN true\nUSER 1000\n'],
  },
  check({ stages }) {
    const final = stages[stages.length - 1];
    if (!final) return [];
    // Kept with the final stage's record, so an edit elsewhere does not walk it again.
    const lastUser = final.summary(lastUserOf);
    const user = lastUser?.args[0];
    if (!lastUser || !user || !ROOT.test(user.value.trim())) return [];
    return [
      {
        range: user.range,
        message: messages.endsAsRoot(),
      },
    ];
  },
};
