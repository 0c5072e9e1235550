import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, callRange, insertAfter, toolCalls } from './support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  missingNonInteractive: {
    en: (p: { subcommand: string | undefined }) =>
      `zypper ${p.subcommand} waits for a confirmation during the build. Add -y (or zypper --non-interactive).`,
    ko: (p) => `zypper ${p.subcommand}가 빌드 중에 확인을 기다립니다. -y(또는 zypper --non-interactive)를 추가하세요.`,
  },
});

const CHANGING = [
  'install',
  'in',
  'update',
  'up',
  'remove',
  'rm',
  'patch',
  'dist-upgrade',
  'dup',
  'source-install',
  'si',
];
export const ZYPPER_OPTIONS = {
  shortWithValue: 'rcDRt',
  longWithValue: [
    'root',
    'config',
    'reposd-dir',
    'cache-dir',
    'raw-cache-dir',
    'solv-cache-dir',
    'pkg-cache-dir',
    'repo',
    'from',
    'type',
  ],
};

export const zypperWithoutNonInteractive = shellRunRule(
  {
    code: 'ZypperWithoutNonInteractive',
    severity: 'warning',
    docs: `${BEST_PRACTICES}#run`,
    description: {
      en:
        'zypper asks for confirmation before changing packages; ' +
        "use zypper --non-interactive (-n) or the command's -y.",
      ko: 'zypper는 패키지를 바꾸기 전에 확인을 묻습니다. zypper --non-interactive(-n)나 하위 명령의 -y를 쓰세요.',
    },
    messages,
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3034' },
      { tool: 'droast', id: 'DF043' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM opensuse/leap:15\nRUN zypper install curl\n', range: '1:4-1:18' },
        { dockerfile: 'FROM opensuse/leap:15\nRUN <<EOF\nzypper in curl\nEOF\n', range: '2:0-2:9' },
      ],
      valid: [
        'FROM opensuse/leap:15\nRUN zypper -n install curl\n',
        'FROM opensuse/leap:15\nRUN <<EOF\nzypper -n in curl\nEOF\n',
      ],
    },
  },
  (instruction) =>
    toolCalls(instruction, ['zypper'], ZYPPER_OPTIONS)
      .filter((call) => {
        const sub = call.subcommand;
        if (sub?.value === undefined || !CHANGING.includes(sub.value) || call.command.before === '|') return false;
        const subIndex = call.command.args.indexOf(sub);
        // -n before the subcommand is the global --non-interactive; after it, it means something else.
        return !call.line.options.some(
          (option) =>
            option.name === 'non-interactive' ||
            option.name === 'y' ||
            option.name === 'no-confirm' ||
            (option.name === 'n' && call.command.args.indexOf(option.word) < subIndex),
        );
      })
      .map((call) => ({
        range: callRange(call),
        message: messages.missingNonInteractive({ subcommand: call.subcommand!.value }),
        fixes: [insertAfter(call.subcommand!, '-y', { en: 'Add -y', ko: '-y 추가' })],
      })),
);
