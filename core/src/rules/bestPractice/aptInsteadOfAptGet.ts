import { aptGetCalls } from './aptGet';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, callRange } from './support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  aptCommand: {
    en: (p: { subcommand: string | undefined; replacement: string }) =>
      `apt ${p.subcommand} is meant for interactive use and warns that its interface is not stable. Use apt-get ` +
      `${p.replacement}.`,
    ko: (p) =>
      `apt ${p.subcommand}는 대화형 사용을 위한 명령이라 인터페이스가 안정적이지 않다고 경고합니다. apt-get ${p.replacement}을 쓰세요.`,
  },
});

/** apt subcommands with an apt-get equivalent (apt's full-upgrade is apt-get's dist-upgrade). */
const EQUIVALENT: Readonly<Record<string, string>> = {
  install: 'install',
  remove: 'remove',
  purge: 'purge',
  update: 'update',
  upgrade: 'upgrade',
  autoremove: 'autoremove',
  'full-upgrade': 'dist-upgrade',
  'dist-upgrade': 'dist-upgrade',
  reinstall: 'reinstall',
};

export const aptInsteadOfAptGet = shellRunRule(
  {
    code: 'AptInsteadOfAptGet',
    severity: 'warning',
    docs: `${BEST_PRACTICES}#apt-get`,
    description: {
      en: 'apt is made for people at a terminal and its output and options may change; scripts should call apt-get.',
      ko: 'apt는 터미널에서 사람이 쓰도록 만든 도구라 출력과 옵션이 바뀔 수 있습니다. 스크립트에서는 apt-get을 쓰세요.',
    },
    messages,
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3027' },
      { tool: 'droast', id: 'DF059' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM debian:12\nRUN apt install -y curl\n', range: '1:4-1:15' },
        { dockerfile: 'FROM debian:12\nONBUILD RUN apt install -y curl\n', range: '1:12-1:23' },
      ],
      valid: ['FROM debian:12\nRUN apt list --installed\n', 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n'],
    },
  },
  (instruction) =>
    aptGetCalls(instruction, Object.keys(EQUIVALENT), ['apt']).map((call) => {
      const name = call.command.name;
      const sub = call.subcommand!;
      const edits = [];
      // Only a plain, unquoted name can be renamed in place.
      if (name.raw === name.value) edits.push({ range: name.range, newText: `${name.raw}-get` });
      const replacement = EQUIVALENT[sub.value!]!;
      if (replacement !== sub.value && sub.raw === sub.value) edits.push({ range: sub.range, newText: replacement });
      return {
        range: callRange(call),
        message: messages.aptCommand({ subcommand: sub.value, replacement }),
        ...(edits.length > 0
          ? { fixes: [{ title: { en: `Use apt-get ${replacement}`, ko: `apt-get ${replacement}로 바꾸기` }, edits }] }
          : {}),
      };
    }),
);
