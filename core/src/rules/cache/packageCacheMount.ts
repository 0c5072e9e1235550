// Package downloads that a BuildKit cache mount would keep between builds: without one, every
// rebuild of the layer downloads every package again.
import { type CacheMount, type CachedDownloads, commandName, runFacts, type SimpleCommand } from '../../cache';
import type { Directive } from '../../parser';
import { trimTrailing } from '../../parser/textScan';
import type { Finding, StageRule } from '../rule';
import { firstLineRange } from './instructionEdits';
import { defineMessages } from '../messages';

const messages = defineMessages({
  downloadsAgain: {
    en: (p: { names: string; flags: string }) =>
      `Every rebuild of this layer downloads all ${p.names} packages again. A cache mount keeps the downloads ` +
      `between builds without adding them to the image: \`RUN ${p.flags} ...\`.`,
    ko: (p) =>
      `이 레이어를 다시 빌드할 때마다 ${p.names} 패키지를 모두 다시 내려받습니다. 캐시 마운트를 쓰면 이미지에 넣지 않고도 빌드 사이에 내려받은 파일을 재사용합니다: \`RUN ` +
      `${p.flags} ...\`.`,
  },
  downloadsAgainApt: {
    en: (p: { names: string; flags: string }) =>
      `Every rebuild of this layer downloads all ${p.names} packages again. A cache mount keeps the downloads ` +
      `between builds without adding them to the image: \`RUN ${p.flags} ...\`. For apt, also remove ` +
      `/etc/apt/apt.conf.d/docker-clean in an earlier RUN (Debian and Ubuntu images delete downloaded packages ` +
      `otherwise) and drop \`rm -rf /var/lib/apt/lists/*\`.`,
    ko: (p) =>
      `이 레이어를 다시 빌드할 때마다 ${p.names} 패키지를 모두 다시 내려받습니다. 캐시 마운트를 쓰면 이미지에 넣지 않고도 빌드 사이에 내려받은 파일을 재사용합니다: \`RUN ` +
      `${p.flags} ...\`. apt라면 앞선 RUN에서 /etc/apt/apt.conf.d/docker-clean도 지우고(Debian·Ubuntu 이미지는 그러지 않으면 내려받은 패키지를 ` +
      `지웁니다) \`rm -rf /var/lib/apt/lists/*\`는 빼세요.`,
  },
});

export const packageCacheMount: StageRule = {
  code: 'PackageCacheMount',
  severity: 'hint',
  scope: 'stage',
  messages,
  docs: 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts',
  description: {
    en: 'A package manager downloads into the layer; a cache mount would keep its downloads between builds.',
    ko: '패키지 관리자가 레이어 안으로 내려받습니다. 캐시 마운트를 쓰면 빌드 사이에 내려받은 파일을 재사용합니다.',
  },
  category: 'cache',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM node\nRUN npm ci\n', range: '1:0-1:10' }],
    valid: ['FROM node\nRUN --mount=type=cache,target=/root/.npm npm ci\n'],
  },
  check(stage, { facts, lines }): Finding[] {
    if (!allowsCacheMounts(facts.directives)) return [];
    const findings: Finding[] = [];
    let user = 'root';
    for (const instruction of stage.instructions) {
      // The cache paths below are root's: after `USER someone` they would be wrong.
      if (instruction.keyword === 'USER') user = instruction.args[0]?.value.split(':')[0] ?? 'root';
      if (instruction.keyword !== 'RUN' || (user !== 'root' && user !== '0')) continue;
      const facts = runFacts(instruction);
      const cached = facts.mounts
        .filter((m) => m.type === 'cache' && m.target)
        .map((m) => trimTrailing(m.target!, '/'));
      const missing = facts.downloads.filter(
        (d) =>
          !d.mounts.some((m) => cached.some((target) => m.target === target || m.target.startsWith(`${target}/`))) &&
          !clearsCache(facts.commands, d),
      );
      if (missing.length === 0) continue;
      const mounts = missing.flatMap((d) => d.mounts);
      const names = missing.map((d) => d.id).join(', ');
      const flags = mounts.map(mountFlag).join(' ');
      const apt = missing.some((d) => d.id === 'apt');
      findings.push({
        range: firstLineRange(instruction, lines),
        instruction,
        message: apt ? messages.downloadsAgainApt({ names, flags }) : messages.downloadsAgain({ names, flags }),
        fixes: [
          {
            title: { en: `Add a cache mount for ${names}`, ko: `${names} 캐시 마운트 추가` },
            edits: [
              {
                range: { start: instruction.keywordRange.end, end: instruction.keywordRange.end },
                newText: ` ${flags}`,
              },
            ],
          },
        ],
      });
    }
    return findings;
  },
};

function mountFlag(mount: CacheMount): string {
  return `--mount=type=cache,target=${mount.target}${mount.sharing ? `,sharing=${mount.sharing}` : ''}`;
}

/**
 * RUN --mount needs BuildKit's Dockerfile frontend 1.2 or later. Without a `# syntax` directive
 * the builder's own frontend has it; a directive pinning an older or a foreign frontend does not.
 */
export function allowsCacheMounts(directives: readonly Directive[]): boolean {
  const syntax = directives.find((d) => d.name === 'syntax');
  if (!syntax) return true;
  const match = /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?(?::([^@\s]+))?(?:@\S+)?$/.exec(syntax.value.trim());
  if (!match) return false;
  const tag = match[1];
  if (tag === undefined || tag === 'latest' || tag === 'labs' || tag.includes('experimental')) return true;
  const version = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (!version) return false;
  const major = Number(version[1]);
  const minor = version[2] === undefined ? Infinity : Number(version[2]);
  return major > 1 || (major === 1 && minor >= 2);
}

/**
 * The RUN deletes the download cache itself (`rm -rf /var/lib/apt/lists/*`, `npm cache clean`):
 * its author chose a small image over cached downloads, as `--no-cache-dir` does for pip.
 */
function clearsCache(commands: readonly SimpleCommand[], downloads: CachedDownloads): boolean {
  const paths = downloads.mounts.map((m) => m.target.replace(/^\/root\//, '~/'));
  return commands.some((command) => {
    const name = commandName(command);
    if (name === 'rm')
      return command
        .slice(1)
        .some((arg) => downloads.mounts.some((m) => arg.startsWith(m.target)) || paths.some((p) => arg.startsWith(p)));
    if (command[1] === 'cache' && command[2] === 'clean') return name === downloads.id;
    if ((name === 'apt-get' || name === 'apt') && (command[1] === 'clean' || command[1] === 'dist-clean'))
      return downloads.id === 'apt';
    return name === 'go' && command[1] === 'clean' && command.includes('-modcache') && downloads.id === 'go';
  });
}
