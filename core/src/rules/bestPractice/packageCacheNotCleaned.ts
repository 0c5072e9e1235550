import type { Finding } from '../rule';
import { shippedRunRule } from './imageStages';
import { BEST_PRACTICES, callRange, cleansFolder, hasCacheMountOn, toolCalls } from './support';
import { YUM_OPTIONS } from './yum';

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

export const packageCacheNotCleaned = shippedRunRule(
  {
    code: 'PackageCacheNotCleaned',
    severity: 'info',
    docs: `${BEST_PRACTICES}#run`,
    description: {
      en: 'yum, dnf and zypper keep repository metadata in /var/cache; clean it in the same RUN so it does not stay in the layer.',
      ko: 'yum, dnf, zypper는 저장소 메타데이터를 /var/cache에 남깁니다. 레이어에 남지 않도록 같은 RUN에서 지우세요.',
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
        message: {
          en: `The metadata ${install.command.program} downloads stays in ${tool.cache} in this layer. End the RUN with ${tool.clean}.`,
          ko: `${install.command.program}가 내려받은 메타데이터가 이 레이어의 ${tool.cache}에 남습니다. RUN 끝에 ${tool.clean}을 실행하세요.`,
        },
      });
    }
    return findings;
  },
);
