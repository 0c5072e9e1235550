// `useradd -u 1234567 app` writes the new user's records into /var/log/lastlog and faillog at an
// offset that grows with the UID. The files are sparse on disk, but image layers store them in
// full, so a high UID can add gigabytes of zeros. `-l`/`--no-log-init` skips those records.
import { readCommandLine, runShell } from '../../shell';
import { defineMessages } from '../messages';
import type { Finding, InstructionRule } from '../rule';
import { BEST_PRACTICES, insertAfter } from './support';

/** UIDs from here on make the log files tens of megabytes or more (about 300 bytes per UID below). */
const HIGH_UID = 100_000;

const USERADD_SYNTAX = {
  shortWithValue: 'bcdefgGkKpsuZR',
  longWithValue: [
    'base-dir',
    'comment',
    'home-dir',
    'expiredate',
    'inactive',
    'gid',
    'groups',
    'skel',
    'key',
    'password',
    'shell',
    'uid',
    'selinux-user',
    'root',
    'prefix',
    'btrfs-subvolume-home',
  ],
};

const messages = defineMessages({
  bigLogFiles: {
    en: (p: { uid: string }) =>
      `useradd with UID ${p.uid} writes its login records far into /var/log/lastlog and faillog; the files are ` +
      `sparse on disk but the image layer stores every byte, which can add gigabytes. Add --no-log-init (-l).`,
    ko: (p) =>
      `UID ${p.uid}로 useradd를 실행하면 /var/log/lastlog와 faillog의 먼 위치에 로그인 기록이 쓰입니다. 디스크에서는 ` +
      `희소 파일이지만 이미지 레이어는 모든 바이트를 저장하므로 수 GB가 늘 수 있습니다. --no-log-init(-l)을 추가하세요.`,
  },
});

export const useraddHighUidWithoutNoLogInit: InstructionRule = {
  scope: 'instruction',
  code: 'UseraddHighUidWithoutNoLogInit',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#user`,
  description: {
    en:
      'useradd with a high UID and without --no-log-init fills /var/log/lastlog and faillog with zeros, which ' +
      'the image stores in full.',
    ko: '높은 UID로 --no-log-init 없이 useradd를 실행하면 /var/log/lastlog와 faillog가 0으로 채워지고, 이미지는 이를 모두 저장합니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3046' },
    { tool: 'droast', id: 'DF064', note: 'flags every useradd without -l, whatever the UID' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN useradd -u 1000000 app\n', range: '1:4-1:11' }],
    valid: ['FROM debian:12\nRUN useradd --no-log-init -u 1000000 app\n', 'FROM debian:12\nRUN useradd -u 1000 app\n'],
  },
  check(instruction) {
    const shell = runShell(instruction);
    if (!shell || shell.error) return [];
    const findings: Finding[] = [];
    for (const command of shell.commands) {
      if (command.program !== 'useradd') continue;
      const line = readCommandLine(command, USERADD_SYNTAX);
      if (line.options.some((option) => option.name === 'l' || option.name === 'no-log-init')) continue;
      const uid = line.options.find((option) => option.name === 'u' || option.name === 'uid')?.value;
      if (uid === undefined || !/^\d+$/.test(uid) || Number(uid) < HIGH_UID) continue;
      findings.push({
        range: command.name.range,
        message: messages.bigLogFiles({ uid }),
        fixes: [
          insertAfter(command.name, '--no-log-init', {
            en: 'Add --no-log-init',
            ko: '--no-log-init 추가',
          }),
        ],
      });
    }
    return findings;
  },
};
