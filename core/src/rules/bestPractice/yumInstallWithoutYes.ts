import { hasOption } from '../../shell';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, callRange, insertAfter, toolCalls } from './support';
import { YUM_CHANGING, YUM_OPTIONS, YUM_PROGRAMS, yumCommand } from './yum';
import { defineMessages } from '../messages';

const messages = defineMessages({
  missingYes: {
    en: (p: { program: string | undefined; subcommand: string | undefined }) =>
      `${p.program} ${p.subcommand} without -y waits for a confirmation no one can give during a build. Add -y.`,
    ko: (p) =>
      `-y 없는 ${p.program} ${p.subcommand}은 빌드 중에는 아무도 답할 수 없는 확인을 기다립니다. -y를 추가하세요.`,
  },
});

export const yumInstallWithoutYes = shellRunRule(
  {
    code: 'YumInstallWithoutYes',
    severity: 'warning',
    docs: `${BEST_PRACTICES}#run`,
    description: {
      en:
        'yum and dnf ask "Is this ok [y/N]" before changing packages, and so does microdnf on RHEL 9 and ' +
        'later; without -y a build answers no and fails.',
      ko:
        'yum과 dnf, 그리고 RHEL 9 이후의 microdnf는 패키지를 바꾸기 전에 "Is this ok [y/N]"을 묻습니다. ' +
        '-y가 없으면 빌드에서는 no로 처리되어 실패합니다.',
    },
    messages,
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3030', note: 'yum' },
      { tool: 'hadolint', id: 'DL3038', note: 'dnf and microdnf' },
      { tool: 'droast', id: 'DF027' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM fedora:40\nRUN dnf install httpd && dnf clean all\n', range: '1:4-1:15' },
        { dockerfile: 'FROM ubi9/ubi-minimal\nRUN microdnf in httpd && microdnf clean all\n', range: '1:4-1:15' },
      ],
      valid: [
        'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
        'FROM ubi9/ubi-minimal\nRUN microdnf in -y httpd && microdnf clean all\n',
      ],
    },
  },
  (instruction) =>
    toolCalls(instruction, YUM_PROGRAMS, YUM_OPTIONS)
      .filter(
        (call) =>
          YUM_CHANGING.includes(yumCommand(call) ?? '') &&
          !hasOption(call.line, 'y', 'assumeyes', 'assumeno') &&
          call.command.before !== '|',
      )
      .map((call) => ({
        range: callRange(call),
        message: messages.missingYes({ program: call.command.program, subcommand: call.subcommand!.value }),
        fixes: [insertAfter(call.subcommand!, '-y', { en: 'Add -y', ko: '-y 추가' })],
      })),
);
