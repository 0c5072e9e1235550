// A dependency install that runs after the whole source tree was copied: every source change
// invalidates the install's layer. Fix: copy the manifests first and install before the copy.
import type { BuildContext } from '../../context/buildContext';
import {
  commandName,
  copyFacts,
  dependencyInstall,
  type DependencyInstall,
  isManifestSource,
  runFacts,
  type SimpleCommand,
} from '../../cache';
import type { Instruction } from '../../parser';
import { defineMessages } from '../messages';
import type { Finding, Fix, StageRule } from '../rule';
import {
  between,
  commandLabel,
  firstLineRange,
  insertBeforeLine,
  instructionLabel,
  instructionText,
  deleteInstruction,
} from './instructionEdits';

/** Between the copy and the install, these change what the install sees: moving it past them is not mechanical. */
const BLOCKS_MOVE: ReadonlySet<string> = new Set([
  'RUN',
  'COPY',
  'ADD',
  'ENV',
  'ARG',
  'WORKDIR',
  'USER',
  'SHELL',
  'ONBUILD',
]);
/** Commands that need no project sources, so they can move above the source copy with the install. */
const SOURCE_FREE: ReadonlySet<string> = new Set(['rm', 'set', 'echo', 'true', 'mkdir']);

const messages = defineMessages({
  afterBroadCopy: {
    en: (p: { label: string; copyLabel: string; shown: string }) =>
      `\`${p.label}\` runs after \`${p.copyLabel}\`: a change to any source file invalidates this layer and ` +
      `reinstalls every dependency. Copy ${p.shown} first, install, then copy the rest.`,
    ko: (p) =>
      `\`${p.label}\`이(가) \`${p.copyLabel}\` 다음에 실행됩니다. 소스 파일 하나만 바뀌어도 이 레이어의 캐시가 무효가 되어 의존성을 모두 다시 설치합니다. ` +
      `${p.shown}을(를) 먼저 복사해 설치한 뒤 나머지를 복사하세요.`,
  },
  broadCopy: {
    en: () => 'The copy of the whole source tree',
    ko: () => '소스 전체를 복사하는 곳',
  },
});

export const installAfterBroadCopy: StageRule = {
  code: 'InstallAfterBroadCopy',
  severity: 'info',
  scope: 'stage',
  messages,
  docs: 'https://docs.docker.com/build/cache/optimize/#order-your-layers',
  description: {
    en: 'Dependencies are installed after the whole source tree is copied, so any source change reinstalls them all.',
    ko: '소스 전체를 복사한 뒤 의존성을 설치하므로 소스가 조금만 바뀌어도 의존성을 전부 다시 설치합니다.',
  },
  category: 'cache',
  equivalents: [],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
        range: '3:0-3:10',
        context: { 'package.json': '{}', 'package-lock.json': '{}', 'src/': '' },
      },
    ],
    valid: [
      'FROM node\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
      'FROM node\nCOPY . .\nRUN npm install -g typescript\n',
    ],
  },
  check(stage, { lines, facts }): Finding[] {
    const findings: Finding[] = [];
    let broadCopy: Instruction | undefined;
    const manifestsCopied = new Set<string>();
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
        const facts = copyFacts(instruction);
        if (facts.broad) broadCopy ??= instruction;
        else if (!broadCopy)
          for (const source of facts.contextSources) if (isManifestSource(source)) manifestsCopied.add(source);
        continue;
      }
      if (instruction.keyword !== 'RUN' || !broadCopy) continue;
      const found = runFacts(instruction).installs[0];
      if (!found) continue;
      const { command, install } = found;
      const label = commandLabel(command);
      const copyLabel = instructionLabel(broadCopy);
      const manifests = manifestsToCopy(install, facts.buildContext);
      const fix =
        manifests && install.needsOnlyManifests
          ? moveFix(stage.instructions, broadCopy, instruction, manifestsCopied.size > 0 ? [] : manifests, lines)
          : undefined;
      const shown = (manifests ?? install.namedManifests ?? install.manager.manifests).join(', ');
      findings.push({
        range: firstLineRange(instruction, lines),
        instruction,
        message: messages.afterBroadCopy({ label, copyLabel, shown }),
        related: [{ range: firstLineRange(broadCopy, lines), message: messages.broadCopy() }],
        fixes: fix ? [fix] : undefined,
      });
    }
    return findings;
  },
};

/** The manifests to copy before the install, as they exist in the build context; undefined when unknown or nested. */
function manifestsToCopy(install: DependencyInstall, context: BuildContext | undefined): string[] | undefined {
  const required = install.namedManifests ?? install.manager.manifests;
  if (required.some((name) => name.includes('/') || name.startsWith('.'))) return undefined;
  if (!context) return [...required];
  // One stat per named manifest; a `*` name needs the names of the root (read at once, bounded).
  const isFile = (name: string): boolean => context.kindOf(name) === 'file';
  const result: string[] = [];
  for (const name of required) {
    if (name.includes('*')) {
      const suffix = name.slice(name.lastIndexOf('*') + 1);
      const { entries } = context.topLevelEntries();
      const matches = [...entries.keys()]
        .filter((entry) => entry.endsWith(suffix) && entries.get(entry) === 'file')
        .sort();
      if (matches.length === 0) return undefined;
      result.push(...matches);
    } else if (isFile(name)) result.push(name);
    else return undefined;
  }
  for (const name of install.manager.companions) if (isFile(name) && !context.isIgnored(name)) result.push(name);
  return result;
}

function moveFix(
  stageInstructions: readonly Instruction[],
  broadCopy: Instruction,
  run: Instruction,
  manifests: readonly string[],
  lines: readonly string[],
): Fix | undefined {
  if (between(stageInstructions, broadCopy, run).some((i) => BLOCKS_MOVE.has(i.keyword))) return undefined;
  if (!runFacts(run).commands.every(needsNoSources)) return undefined;
  const destination = broadCopy.destination?.raw;
  if (!destination) return undefined;
  const flags = broadCopy.flags
    .filter((f) => f.name === 'chown' || f.name === 'chmod' || f.name === 'link')
    .map((f) => `${f.raw} `)
    .join('');
  const copyKeyword = broadCopy.keyword === 'ADD' ? 'COPY' : broadCopy.keywordRaw;
  const folder = destination.endsWith('/') ? destination : `${destination}/`;
  const copy = manifests.length > 0 ? `${copyKeyword} ${flags}${manifests.join(' ')} ${folder}\n` : '';
  const shown = manifests.join(', ');
  return {
    title:
      manifests.length > 0
        ? {
            en: `Copy ${shown} first and install before \`${instructionLabel(broadCopy)}\``,
            ko: `${shown}을(를) 먼저 복사하고 \`${instructionLabel(broadCopy)}\` 앞에서 설치`,
          }
        : {
            en: `Install before \`${instructionLabel(broadCopy)}\``,
            ko: `\`${instructionLabel(broadCopy)}\` 앞에서 설치`,
          },
    edits: [
      insertBeforeLine(broadCopy.range.start.line, copy + instructionText(run, lines)),
      deleteInstruction(run, lines),
    ],
  };
}

function needsNoSources(original: SimpleCommand): boolean {
  // `python -m pip ...` is `pip ...`.
  const command =
    ['python', 'python3'].includes(commandName(original)) && original[1] === '-m' ? original.slice(2) : original;
  const name = commandName(command);
  if (SOURCE_FREE.has(name)) return true;
  if (command[1] === 'cache' && ['npm', 'yarn', 'pnpm'].includes(name)) return true;
  const install = dependencyInstall(command);
  if (install) return install.needsOnlyManifests;
  // Named packages from a registry (`pip install -U pip`, `npm install -g pnpm`, `gem install bundler`)
  // need no sources.
  const packages = command.slice(2).filter((word) => !word.startsWith('-'));
  const namedInstall =
    ((name === 'pip' || name === 'pip3' || name === 'gem') && command[1] === 'install') ||
    (name === 'npm' && (command[1] === 'install' || command[1] === 'i') && command.includes('-g'));
  return (
    namedInstall &&
    packages.length > 0 &&
    packages.every((p) => !p.startsWith('.') && !p.startsWith('/') && !p.includes('=/'))
  );
}
