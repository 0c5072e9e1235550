// GNU wget without a terminal falls back to its "dot" progress display, one line per 50 KB: an
// archive of a few hundred megabytes prints thousands of lines into the build log.
// `--progress=dot:giga` (or -q / -nv) keeps the log short. BusyBox wget (Alpine's default) has no
// such display and no --progress option, so Alpine and BusyBox stages are left alone unless they
// install GNU wget (a stage that runs apk counts as Alpine). Only archives are flagged: a signature
// or a script prints a few lines.
import type { Stage } from '../../model';
import type { Instruction } from '../../parser';
import { runShell, type ShellCommand } from '../../shell';
import { defineMessages } from '../messages';
import type { Finding, StageRule } from '../rule';
import { BEST_PRACTICES, insertAfter } from './support';

/** Options that keep wget's log short or send it elsewhere, as written (`-nv` is one option). */
const QUIET = new Set([
  '-q',
  '--quiet',
  '-nv',
  '--no-verbose',
  '-o',
  '--output-file',
  '-a',
  '--append-output',
  '--spider',
]);
const QUIET_PREFIXES = ['--progress', '--output-file=', '--append-output=', '-o', '-a'];
const INFO = new Set(['--version', '-V', '--help', '-h']);

const messages = defineMessages({
  noisyLog: {
    en: () =>
      'Without a terminal, wget prints a line of dots for every 50 KB it downloads, which floods the build log. ' +
      'Add --progress=dot:giga (or -q / -nv).',
    ko: () =>
      '터미널이 없으면 wget은 50KB마다 점 한 줄을 출력해 빌드 로그를 가득 채웁니다. --progress=dot:giga(또는 -q, -nv)를 추가하세요.',
  },
});

/** The image the stage's chain of stages starts from. */
function rootImage(stage: Stage): string {
  let root = stage;
  for (let hops = 0; root.baseStage && hops < 1000; hops++) root = root.baseStage;
  return (root.resolvedBaseImage ?? root.baseImage).toLowerCase();
}

const BUSYBOX_IMAGES = /(^|\/)(alpine|busybox)([:@]|$)|-alpine|alpine-/;

/** `apk add ... wget`: Alpine's GNU wget package replaces BusyBox's applet. */
function installsGnuWget(instruction: Instruction): boolean {
  const shell = runShell(instruction);
  return (
    shell?.commands.some(
      (command) =>
        command.program === 'apk' &&
        command.args.some((arg) => arg.value === 'add') &&
        command.args.some((arg) => arg.value === 'wget'),
    ) ?? false
  );
}

const runsApk = (instruction: Instruction): boolean =>
  runShell(instruction)?.commands.some((command) => command.program === 'apk') ?? false;

/**
 * An archive or package (by the URL or the -O file name): downloads big enough for the dots to
 * matter. Signatures, checksums and scripts print a handful of lines, and maintainers leave them be.
 */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|gz|xz|bz2|zst|zip|7z|jar|war|deb|rpm|apk|whl|iso|img|appimage|run)$/i;

function downloadsArchive(command: ShellCommand): boolean {
  return command.args.some((arg) => {
    const value = (arg.value ?? arg.raw)
      .replace(/^-O/, '')
      .replace(/[?#].*$/, '')
      .replace(/["']/g, '');
    return ARCHIVE.test(value);
  });
}

function quiet(command: ShellCommand): boolean {
  return command.args.some((arg) => {
    const value = arg.value;
    if (value === undefined) return false;
    return (
      QUIET.has(value) ||
      INFO.has(value) ||
      QUIET_PREFIXES.some((prefix) => value.startsWith(prefix)) ||
      // -q grouped with other short options: `-qO-`, `-qO file` (not -nv, -nc, ... which start with n).
      /^-(?!n)[A-Za-z]*q/.test(value)
    );
  });
}

export const wgetWithoutProgress: StageRule = {
  scope: 'stage',
  code: 'WgetWithoutProgress',
  severity: 'info',
  // Off by default: docker-library images (python, ruby) download release tarballs with plain wget.
  offByDefault: true,
  docs: `${BEST_PRACTICES}#run`,
  description: {
    en: 'GNU wget without --progress, -q or -nv prints a line of dots per 50 KB into the build log.',
    ko: 'GNU wget을 --progress, -q, -nv 없이 쓰면 50KB마다 점 한 줄이 빌드 로그에 찍힙니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3047', note: 'also BusyBox wget, which has no --progress' },
    { tool: 'droast', id: 'DF056', note: 'also BusyBox wget, which has no --progress' },
  ],
  examples: {
    invalid: [
      { dockerfile: 'FROM debian:12\nRUN wget -O /tmp/app.tgz https://example.com/app.tgz\n', range: '1:4-1:8' },
    ],
    valid: [
      'FROM debian:12\nRUN wget --progress=dot:giga -O /tmp/app.tgz https://example.com/app.tgz\n',
      'FROM alpine:3.20\nRUN wget -O /tmp/app.tgz https://example.com/app.tgz\n',
    ],
  },
  check(stage) {
    const runs = stage.instructions.filter((instruction) => instruction.keyword === 'RUN');
    // An image that runs apk is Alpine-based, whatever its name (docker:cli is).
    let gnuWget = !BUSYBOX_IMAGES.test(rootImage(stage)) && !runs.some(runsApk);
    const findings: Finding[] = [];
    for (const instruction of runs) {
      if (!gnuWget && installsGnuWget(instruction)) gnuWget = true;
      if (!gnuWget || !stage.before(instruction).shell.posix) continue;
      const shell = runShell(instruction);
      if (!shell || shell.error) continue;
      for (const command of shell.commands) {
        if (command.program !== 'wget' || quiet(command) || !downloadsArchive(command)) continue;
        findings.push({
          range: command.name.range,
          instruction,
          message: messages.noisyLog(),
          fixes: [
            insertAfter(command.name, '--progress=dot:giga', {
              en: 'Add --progress=dot:giga',
              ko: '--progress=dot:giga 추가',
            }),
          ],
        });
      }
    }
    return findings;
  },
};
