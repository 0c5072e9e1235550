import { aptGetCalls, answersYes } from './aptGet';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, callRange, insertAfter } from './support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  missingYes: {
    en: (p: { program: string; subcommand: string }) =>
      `${p.program} ${p.subcommand} without -y stops at its "Do you want to continue?" prompt and the build fails. ` +
      'Add -y.',
    ko: (p) =>
      `-y 없는 ${p.program} ${p.subcommand}은 "계속하시겠습니까?" 질문에서 멈추고 빌드가 실패합니다. -y를 추가하세요.`,
  },
});

const PROMPTING = ['install', 'upgrade', 'dist-upgrade', 'build-dep', 'remove', 'purge', 'autoremove', 'reinstall'];
/** aptitude asks too, also for its own names of the upgrades. */
const APTITUDE_PROMPTING = [...PROMPTING, 'safe-upgrade', 'full-upgrade'];

export const aptGetInstallWithoutYes = shellRunRule(
  {
    code: 'AptGetInstallWithoutYes',
    severity: 'warning',
    docs: `${BEST_PRACTICES}#apt-get`,
    description: {
      en:
        'apt-get (and aptitude) ask for confirmation before changing packages; a ' +
        'build has no one to answer, so add -y.',
      ko: 'apt-get(과 aptitude)은 패키지를 바꾸기 전에 확인을 묻는데, 빌드 중에는 답할 사람이 없으므로 -y를 붙여야 합니다.',
    },
    messages,
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3014' },
      { tool: 'droast', id: 'DF015' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n', range: '1:22-1:37' },
        { dockerfile: 'FROM debian:12\nONBUILD RUN aptitude install curl\n', range: '1:12-1:28' },
      ],
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
        'FROM debian:12\nONBUILD RUN aptitude install -y curl\n',
      ],
    },
  },
  (instruction) =>
    [...aptGetCalls(instruction, PROMPTING), ...aptGetCalls(instruction, APTITUDE_PROMPTING, ['aptitude'])]
      .filter((call) => !answersYes(call) && call.command.before !== '|')
      .map((call) => {
        const sub = call.subcommand!.value!;
        return {
          range: callRange(call),
          message: messages.missingYes({ program: call.command.program!, subcommand: sub }),
          fixes: [insertAfter(call.subcommand!, '-y', { en: 'Add -y', ko: '-y 추가' })],
        };
      }),
);
