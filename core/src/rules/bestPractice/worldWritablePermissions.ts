import type { Finding, InstructionRule } from '../rule';
import type { Instruction } from '../../parser';
import { readCommandLine, runShell, type ShellCommand } from '../../shell';
import { defineMessages } from '../messages';
import { BEST_PRACTICES } from './support';

const messages = defineMessages({
  chmod: {
    en: (p: { mode: string }) =>
      `chmod ${p.mode} lets every user of the container change or replace these files, including a process ` +
      'that was broken into. Give write access only to the owner (chown to the user that needs it, then 755 or ' +
      '644); a shared folder like /tmp needs the sticky bit (1777).',
    ko: (p) =>
      `chmod ${p.mode}은(는) 침입당한 프로세스를 포함해 컨테이너의 모든 사용자가 이 파일을 바꾸거나 교체하게 합니다. ` +
      '쓰기 권한은 소유자에게만 주세요(필요한 사용자로 chown한 뒤 755나 644). /tmp 같은 공유 폴더에는 sticky 비트(1777)가 필요합니다.',
  },
  copyChmod: {
    en: (p: { mode: string }) =>
      `--chmod=${p.mode} makes the copied files writable by every user of the container. Use a mode without ` +
      'write access for others (755 or 644) and --chown for the user that must write.',
    ko: (p) =>
      `--chmod=${p.mode}은(는) 복사한 파일을 컨테이너의 모든 사용자가 쓸 수 있게 만듭니다. 다른 사용자의 쓰기 권한이 없는 ` +
      '모드(755나 644)를 쓰고, 써야 하는 사용자는 --chown으로 지정하세요.',
  },
});

/**
 * Whether a chmod mode lets others write: an octal mode with the others' write bit, or a symbolic
 * clause for `o` or `a` adding or setting `w`. The sticky bit (`1777`, `+t`) is how shared folders
 * such as /tmp are meant to be writable by everyone, so it is left alone.
 */
export function othersCanWrite(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const special = Number(digits[0]);
    return (Number(digits[3]) & 2) !== 0 && (special & 1) === 0;
  }
  if (!/^[ugoa]*[-+=][rwxXst]*(,[ugoa]*[-+=][rwxXst]*)*$/.test(mode) || mode.includes('t')) return false;
  return mode.split(',').some((clause) => {
    const [, who, op, perms] = /^([ugoa]*)([-+=])(.*)$/.exec(clause)!;
    // Without a who, + and = follow the umask, which takes write away from others.
    return (op === '+' || op === '=') && /[oa]/.test(who!) && perms!.includes('w');
  });
}

/** For each word an `rm` of the RUN names, as written, the index of the last such `rm`. */
function removals(commands: readonly ShellCommand[]): Map<string, number> {
  const removed = new Map<string, number>();
  commands.forEach((command, index) => {
    if (command.program === 'rm') for (const arg of command.args) removed.set(arg.raw, index);
  });
  return removed;
}

function chmodFindings(instruction: Instruction): Finding[] {
  const view = runShell(instruction);
  if (!view || view.error) return [];
  const findings: Finding[] = [];
  let removed: Map<string, number> | undefined;
  view.commands.forEach((command, index) => {
    if (command.program !== 'chmod') return;
    const line = readCommandLine(command, { longWithValue: ['reference'] });
    // Symbolic modes start with `-` only to take rights away, so the mode is the first operand.
    const [mode, ...paths] = line.operands;
    if (!mode?.value || !othersCanWrite(mode.value) || paths.length === 0) return;
    // A path a later `rm` of the RUN removes never reaches the image with these permissions.
    removed ??= removals(view.commands);
    if (paths.every((path) => (removed!.get(path.raw) ?? -1) > index)) return;
    findings.push({
      range: { start: command.name.range.start, end: mode.range.end },
      message: messages.chmod({ mode: mode.value }),
    });
  });
  return findings;
}

export const worldWritablePermissions: InstructionRule = {
  scope: 'instruction',
  code: 'WorldWritablePermissions',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#user`,
  description: {
    en:
      'chmod 777, a+rwx and COPY --chmod=777 let every user of the container rewrite the files; the sticky-bit ' +
      'modes of shared folders (1777) are fine.',
    ko: 'chmod 777, a+rwx, COPY --chmod=777은 컨테이너의 모든 사용자가 파일을 고쳐 쓰게 합니다. 공유 폴더의 sticky 비트 모드(1777)는 괜찮습니다.',
  },
  messages,
  category: 'security',
  equivalents: [
    { tool: 'droast', id: 'DF034', note: 'chmod 777 in RUN only, also 1777 and removed temporary folders' },
  ],
  examples: {
    invalid: [
      { dockerfile: 'FROM debian:12\nRUN chmod -R 777 /app\n', range: '1:4-1:16' },
      'FROM debian:12\nRUN chmod a+rwx /srv/data\n',
      { dockerfile: 'FROM debian:12\nCOPY --chmod=777 app /app\n', range: '1:13-1:16' },
    ],
    valid: [
      'FROM debian:12\nRUN mkdir -p /var/cache/app && chmod 1777 /var/cache/app\n',
      'FROM debian:12\nRUN chmod 755 /usr/local/bin/app && chmod +x /entrypoint.sh\n',
      'FROM debian:12\nRUN d="$(mktemp -d)" && chmod 777 "$d" && make -C "$d" && rm -rf "$d"\n',
    ],
  },
  check(instruction) {
    if (instruction.keyword === 'RUN') return chmodFindings(instruction);
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return [];
    const flag = instruction.flags.find((f) => f.name === 'chmod');
    if (!flag?.value || !flag.valueRange || !othersCanWrite(flag.value)) return [];
    return [{ range: flag.valueRange, message: messages.copyChmod({ mode: flag.value }) }];
  },
};
