import type { Finding } from '../rule';
import { shippedRunRule } from './imageStages';
import { BEST_PRACTICES, callRange, cleansFolder, hasCacheMountOn, toolCalls } from './support';
import { YUM_OPTIONS } from './yum';
import { defineMessages } from '../messages';

/** Each tool, its cache folder, and the subcommands that fill it. */
const TOOLS: readonly { programs: string[]; cache: string; installs: string[]; clean: string }[] = [
  {
    programs: ['yum'],
    cache: '/var/cache/yum',
    installs: ['install', 'groupinstall', 'localinstall', 'update', 'upgrade', 'reinstall', 'makecache'],
    clean: 'yum clean all',
  },
  {
    programs: ['dnf', 'dnf5', 'microdnf'],
    cache: '/var/cache/dnf',
    installs: ['install', 'in', 'groupinstall', 'update', 'upgrade', 'up', 'reinstall', 'makecache', 'distro-sync'],
    clean: 'dnf clean all',
  },
  {
    programs: ['tdnf'],
    cache: '/var/cache/tdnf',
    installs: ['install', 'update', 'upgrade', 'reinstall', 'makecache'],
    clean: 'tdnf clean all',
  },
  {
    programs: ['zypper'],
    cache: '/var/cache/zypp',
    installs: ['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'refresh', 'ref'],
    clean: 'zypper clean --all',
  },
];

const messages = defineMessages({
  metadataStays: {
    en: (p: { program: string; cache: string; clean: string }) =>
      `The metadata ${p.program} downloads stays in ${p.cache} in this layer. End the RUN with ${p.clean}.`,
    ko: (p) =>
      `${p.program}가 내려받은 메타데이터가 이 레이어의 ${p.cache}에 남습니다. RUN 끝에 ${p.clean}을 실행하세요.`,
  },
});

export const packageCacheNotCleaned = shippedRunRule(
  {
    code: 'PackageCacheNotCleaned',
    messages,
    severity: 'info',
    docs: `${BEST_PRACTICES}#run`,
    description: {
      en: 'yum, dnf and zypper keep repository metadata in /var/cache; clean it in the same RUN so it does not stay in the layer.',
      ko: 'yum, dnf, zypper는 저장소 메타데이터를 /var/cache에 남깁니다. 레이어에 남지 않도록 같은 RUN에서 지우세요.',
    },
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3032', note: 'yum' },
      { tool: 'hadolint', id: 'DL3040', note: 'dnf' },
      { tool: 'hadolint', id: 'DL3036', note: 'zypper' },
      { tool: 'droast', id: 'DF047', note: 'yum' },
      { tool: 'droast', id: 'DF046', note: 'dnf' },
      { tool: 'droast', id: 'DF045', note: 'zypper' },
    ],
    examples: {
      invalid: [{ dockerfile: 'FROM fedora:40\nRUN dnf install -y httpd\n', range: '1:4-1:15' }],
      valid: ['FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n'],
    },
  },
  (instruction) => {
    const findings: Finding[] = [];
    for (const tool of TOOLS) {
      const calls = toolCalls(instruction, tool.programs, YUM_OPTIONS);
      const cleaned = calls.some((call) => call.subcommand?.value === 'clean' || call.subcommand?.value === 'cc');
      if (cleaned || hasCacheMountOn(instruction, tool.cache) || cleansFolder(instruction, tool.cache)) continue;
      const install = calls.find(
        (call) => call.subcommand?.value !== undefined && tool.installs.includes(call.subcommand.value),
      );
      if (!install) continue;
      findings.push({
        range: callRange(install),
        message: messages.metadataStays({ program: install.command.program!, cache: tool.cache, clean: tool.clean }),
      });
    }
    return findings;
  },
);
