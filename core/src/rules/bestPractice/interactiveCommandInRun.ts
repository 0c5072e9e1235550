// Commands made for a person at a terminal, in RUN: an editor, a live process monitor, or a
// shutdown. RUN has no terminal and nobody watching, so they hang the build, fail, or do nothing.
// Scripted uses (`vim -es`, `emacs --batch`, `top -b -n 1`) and version queries stay quiet. Tools
// with everyday scripted uses (ps, kill, service, mount) are left alone.
import type { ShellCommand } from '../../shell';
import { defineMessages } from '../messages';
import type { Finding, InstructionRule } from '../rule';
import { referenceDocs } from '../support';
import { toolCalls } from './support';

type Kind = 'editor' | 'monitor' | 'power';

const KINDS: Readonly<Record<string, Kind>> = {
  vi: 'editor',
  vim: 'editor',
  nvim: 'editor',
  nano: 'editor',
  emacs: 'editor',
  top: 'monitor',
  htop: 'monitor',
  btop: 'monitor',
  shutdown: 'power',
  reboot: 'power',
  halt: 'power',
  poweroff: 'power',
};

const INFO = new Set(['--version', '-v', '-V', '--help', '-h']);
/** Options that make each program run unattended: an editor script, a monitor's batch mode. */
const UNATTENDED: Readonly<Record<string, ReadonlySet<string>>> = {
  vi: new Set(['-e', '-E', '-s', '-es', '-Es', '-c', '--cmd']),
  vim: new Set(['-e', '-E', '-s', '-es', '-Es', '-c', '--cmd']),
  nvim: new Set(['-e', '-E', '-s', '-es', '-Es', '-c', '--cmd', '--headless']),
  emacs: new Set(['--batch', '-batch', '--script', '-l', '--eval']),
  top: new Set(['-b', '-n']),
  htop: new Set(),
};

const VIM_LIKE = new Set(['vi', 'vim', 'nvim']);

const messages = defineMessages({
  editor: {
    en: (p: { program: string }) =>
      `${p.program} is an interactive editor, but RUN has no terminal and nobody to type: the build hangs or the ` +
      `file is left unchanged. Change files with sed or a heredoc, or COPY the edited file.`,
    ko: (p) =>
      `${p.program}은(는) 대화형 편집기인데 RUN에는 터미널도 입력할 사람도 없습니다. 빌드가 멈추거나 파일이 바뀌지 않습니다. ` +
      `파일은 sed나 heredoc으로 고치거나 고친 파일을 COPY하세요.`,
  },
  monitor: {
    en: (p: { program: string }) =>
      `${p.program} shows a live screen for a person to watch; in RUN nobody sees it, and without a terminal it ` +
      `fails or runs until the build is stopped. Use ps, or top -b -n 1 for ` +
      `one snapshot.`,
    ko: (p) =>
      `${p.program}은(는) 사람이 지켜보는 실시간 화면을 띄웁니다. RUN에서는 아무도 보지 못하고, 터미널이 없어 실패하거나 빌드를 ` +
      `멈출 때까지 돕니다. 한 번만 보려면 ps나 top -b -n 1을 쓰세요.`,
  },
  power: {
    en: (p: { program: string }) =>
      `${p.program} has nothing to act on: a build step runs in a container without an init system to shut down ` +
      `or restart, so it fails or does nothing. Remove it.`,
    ko: (p) =>
      `${p.program}이(가) 할 일이 없습니다. 빌드 단계는 끄거나 다시 시작할 init 시스템이 없는 컨테이너에서 실행되므로 실패하거나 ` +
      `아무 일도 하지 않습니다. 지우세요.`,
  },
});

function unattended(program: string, command: ShellCommand): boolean {
  const flags = UNATTENDED[program];
  return command.args.some((arg) => {
    const value = arg.value ?? '';
    // `vim +wq file` runs an Ex command at start-up, as -c does.
    return INFO.has(value) || flags?.has(value) || (VIM_LIKE.has(program) && value.startsWith('+'));
  });
}

export const interactiveCommandInRun: InstructionRule = {
  scope: 'instruction',
  code: 'InteractiveCommandInRun',
  severity: 'info',
  docs: referenceDocs('run'),
  description: {
    en:
      'RUN calls a command made for a person at a terminal (an editor, a process monitor, a shutdown); a build ' +
      'step has no terminal, so it hangs, fails or does nothing.',
    ko: 'RUN이 터미널 앞의 사람을 위한 명령(편집기, 프로세스 모니터, 종료)을 실행합니다. 빌드 단계에는 터미널이 없어 멈추거나 실패하거나 아무 일도 하지 않습니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3001', note: 'also ssh, service, ps, free, kill and mount' },
    { tool: 'droast', id: 'DF060', note: 'also ssh, service, systemctl, ifconfig, free and mount' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN vim /etc/hosts\n', range: '1:4-1:7' }],
    valid: ["FROM debian:12\nRUN vim -es -c '%s/a/b/g' -c wq /etc/hosts\n"],
  },
  check(instruction) {
    const findings: Finding[] = [];
    for (const call of toolCalls(instruction, Object.keys(KINDS))) {
      const program = call.command.program!;
      const kind = KINDS[program]!;
      if (kind !== 'power' && unattended(program, call.command)) continue;
      if (kind === 'power' && call.command.args.some((arg) => INFO.has(arg.value ?? ''))) continue;
      findings.push({ range: call.command.name.range, message: messages[kind]({ program }) });
    }
    return findings;
  },
};
