import type { InstructionRule } from '../rule';
import { runShell, type ShellCommand } from '../../shell';
import { BEST_PRACTICES } from './support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  leadingCd: {
    en: (p: { folder: string }) =>
      `This RUN starts by changing to ${p.folder}. Set it with WORKDIR ${p.folder} before the RUN: later ` +
      'instructions then see the same folder and the RUN reads more simply.',
    ko: (p) =>
      `이 RUN은 ${p.folder}(으)로 이동하며 시작합니다. RUN 앞에 WORKDIR ${p.folder}을 두면 뒤의 명령도 같은 폴더를 쓰고 RUN이 더 간결해집니다.`,
  },
  trailingCd: {
    en: () =>
      'A cd at the end of RUN has no effect: every RUN starts again in the WORKDIR. Use WORKDIR to change the ' +
      'folder for later instructions.',
    ko: () =>
      'RUN 끝의 cd는 효과가 없습니다. 모든 RUN은 WORKDIR에서 다시 시작합니다. 뒤의 명령을 위한 폴더 변경은 WORKDIR로 하세요.',
  },
});

/** Commands that may come before a `cd` that opens the RUN. */
const PREAMBLE = new Set(['set']);

const topLevel = (command: ShellCommand): boolean =>
  !command.inSubshell && !command.inControlFlow && !command.inPipeline;

export const cdInsteadOfWorkdir: InstructionRule = {
  scope: 'instruction',
  code: 'CdInsteadOfWorkdir',
  severity: 'info',
  docs: `${BEST_PRACTICES}#workdir`,
  description: {
    en:
      'A cd at the start of RUN to pick the working folder is what WORKDIR is for; ' +
      'a cd at the end of RUN has no effect.',
    ko: 'RUN 앞에서 작업 폴더를 고르려는 cd는 WORKDIR로 쓰는 것이 맞습니다. RUN 끝의 cd는 아무 효과가 없습니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3003' },
    { tool: 'droast', id: 'DF008' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM node:20\nRUN cd /app && npm ci\n', range: '1:4-1:11' }],
    valid: ['FROM node:20\nRUN (cd /app && npm ci)\n'],
  },
  check(instruction) {
    const shell = runShell(instruction);
    if (!shell || shell.error) return [];
    const commands = shell.commands.filter(topLevel);
    const findings = [];
    const opening = commands.find((command) => !PREAMBLE.has(command.program ?? ''));
    const target = (command: ShellCommand): string | undefined =>
      command.program === 'cd' && command.args.length === 1 ? command.args[0]!.value : undefined;
    // Only a fixed folder: `cd "$tmp"` or `cd $(mktemp -d)` is a scratch folder, not a WORKDIR.
    const openingTarget = opening && target(opening);
    if (opening && openingTarget && openingTarget !== '-' && opening !== commands[commands.length - 1]) {
      findings.push({
        range: opening.range,
        message: messages.leadingCd({ folder: openingTarget }),
      });
    }
    const last = commands[commands.length - 1];
    if (
      last &&
      last.program === 'cd' &&
      last.after === undefined &&
      !last.inSubstitution &&
      shell.commands[shell.commands.length - 1] === last
    ) {
      findings.push({
        range: last.range,
        message: messages.trailingCd(),
      });
    }
    return findings;
  },
};
