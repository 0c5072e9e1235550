import type { Finding, StageRule } from '../rule';
import { GoFilepathPattern } from '../../context/goFilepathMatch';
import type { Instruction } from '../../parser';
import { readCommandLine, runShell } from '../../shell';
import { defineMessages } from '../messages';
import { shellRuns } from './stageShell';

const messages = defineMessages({
  useCi: {
    en: (p: { lockfile: string }) =>
      `${p.lockfile} was copied into the image, but npm install may resolve newer versions and rewrite it. ` +
      'npm ci installs exactly what the lockfile says, and fails when it does not match package.json.',
    ko: (p) =>
      `${p.lockfile}을(를) 이미지에 복사했지만 npm install은 더 새 버전을 골라 이 파일을 고쳐 쓸 수 있습니다. ` +
      'npm ci는 잠금 파일에 적힌 그대로 설치하고, package.json과 맞지 않으면 실패합니다.',
  },
  copied: {
    en: (p: { lockfile: string }) => `${p.lockfile} is copied here`,
    ko: (p) => `여기서 ${p.lockfile}을(를) 복사합니다`,
  },
  replaceWithCi: {
    en: () => 'Use npm ci',
    ko: () => 'npm ci 사용',
  },
});

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];
/** npm's spellings of `install` (its aliases and the typos it accepts). */
const INSTALL = ['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add'];

/** A COPY or ADD source that is a file name, or a `*`/`?` pattern, matching one of npm's lockfiles. */
function copiedLockfile(instruction: Instruction): string | undefined {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return undefined;
  if (instruction.flags.some((flag) => flag.name === 'from')) return undefined;
  for (const source of instruction.sources ?? []) {
    const name = source.value.slice(source.value.lastIndexOf('/') + 1);
    if (!/^[\w.*?-]+$/.test(name)) continue;
    // Matched as BuildKit matches COPY sources (Go's filepath.Match), in linear time.
    const pattern = GoFilepathPattern.compile(name);
    const lockfile = pattern && LOCKFILES.find((file) => pattern.matches(file));
    if (lockfile) return lockfile;
  }
  return undefined;
}

export const npmInstallWithLockfile: StageRule = {
  scope: 'stage',
  code: 'NpmInstallWithLockfile',
  severity: 'info',
  docs: 'https://docs.npmjs.com/cli/commands/npm-ci',
  description: {
    en: 'After the lockfile is copied in, npm ci installs exactly what it lists; npm install may pick other versions.',
    ko: '잠금 파일을 복사한 뒤에는 npm ci가 그 목록대로 설치합니다. npm install은 다른 버전을 고를 수 있습니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [{ tool: 'droast', id: 'DF031', note: 'every npm install without --production or --omit=dev' }],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\n',
        range: '3:4-3:15',
      },
      'FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm i --omit=dev\n',
    ],
    valid: [
      'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
      'FROM node:22\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\n',
      'FROM node:22\nCOPY package-lock.json ./\nRUN npm install -g pnpm@9\n',
    ],
  },
  check(stage) {
    const findings: Finding[] = [];
    let copied: { lockfile: string; at: Instruction } | undefined;
    const runs = new Set(
      shellRuns(stage)
        .filter((run) => run.shell.posix)
        .map((run) => run.instruction),
    );
    for (const instruction of stage.instructions) {
      const lockfile = copiedLockfile(instruction);
      if (lockfile) copied = { lockfile, at: instruction };
      if (!copied || !runs.has(instruction)) continue;
      const view = runShell(instruction);
      if (!view || view.error) continue;
      for (const command of view.commands) {
        if (command.program !== 'npm') continue;
        const line = readCommandLine(command);
        const [subcommand, ...packages] = line.operands;
        // `npm install <package>` adds a package: npm ci cannot do that.
        if (!subcommand?.value || !INSTALL.includes(subcommand.value) || packages.length > 0) continue;
        if (line.options.some((option) => option.name === 'g' || option.name === 'global')) continue;
        findings.push({
          range: { start: command.name.range.start, end: subcommand.range.end },
          message: messages.useCi({ lockfile: copied.lockfile }),
          related: [{ range: copied.at.range, message: messages.copied({ lockfile: copied.lockfile }) }],
          fixes: [
            {
              title: messages.replaceWithCi(),
              edits: [{ range: subcommand.range, newText: 'ci' }],
            },
          ],
        });
      }
    }
    return findings;
  },
};
