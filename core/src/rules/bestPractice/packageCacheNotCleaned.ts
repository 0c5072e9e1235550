import type { Finding } from '../rule';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, callRange, cleansFolder, hasCacheMountOn, startsAfter, toolCalls } from './support';
import { YUM_OPTIONS, yumCommand } from './yum';
import { ZYPPER_OPTIONS } from './zypperWithoutNonInteractive';
import { defineMessages } from '../messages';

/** What fills the rpm tools' caches, as `yumCommand` names the commands. */
const RPM_INSTALLS = [
  'install',
  'group-install',
  'reinstall',
  'upgrade',
  'upgrade-minimal',
  'downgrade',
  'distro-sync',
  'swap',
  'makecache',
];

/**
 * Each tool, the cache folders it may download into (the first is named in the message), and the
 * commands that fill them. microdnf keeps yum's folder; dnf5 moved to /var/cache/libdnf5
 * (dnf5-caching(7)); `yum` is dnf on RHEL 8 and later, and `dnf` is dnf5 on Fedora 41 and later.
 */
const TOOLS: readonly { programs: string[]; caches: string[]; installs: string[]; clean: string }[] = [
  { programs: ['yum'], caches: ['/var/cache/yum', '/var/cache/dnf'], installs: RPM_INSTALLS, clean: 'yum clean all' },
  { programs: ['microdnf'], caches: ['/var/cache/yum'], installs: RPM_INSTALLS, clean: 'microdnf clean all' },
  {
    programs: ['dnf'],
    caches: ['/var/cache/dnf', '/var/cache/libdnf5'],
    installs: RPM_INSTALLS,
    clean: 'dnf clean all',
  },
  { programs: ['dnf5'], caches: ['/var/cache/libdnf5'], installs: RPM_INSTALLS, clean: 'dnf5 clean all' },
  { programs: ['tdnf'], caches: ['/var/cache/tdnf'], installs: RPM_INSTALLS, clean: 'tdnf clean all' },
  {
    programs: ['zypper'],
    caches: ['/var/cache/zypp'],
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

export const packageCacheNotCleaned = shellRunRule(
  {
    code: 'PackageCacheNotCleaned',
    messages,
    severity: 'info',
    docs: `${BEST_PRACTICES}#run`,
    description: {
      en:
        'yum, dnf, microdnf and zypper keep repository metadata in /var/cache; clean it after the ' +
        'install, in the same RUN, so it does not stay in the layer.',
      ko: 'yum, dnf, microdnf, zypper는 저장소 메타데이터를 /var/cache에 남깁니다. 레이어에 남지 않도록 같은 RUN에서 설치 뒤에 지우세요.',
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
      invalid: [
        { dockerfile: 'FROM fedora:40\nRUN dnf install -y httpd\n', range: '1:4-1:15' },
        { dockerfile: 'FROM fedora:40\nRUN dnf clean all && dnf install -y httpd\n', range: '1:21-1:32' },
      ],
      valid: [
        'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
        'FROM ubi9/ubi-minimal\nRUN microdnf install -y httpd && rm -rf /var/cache/yum\n',
      ],
    },
  },
  (instruction) => {
    const findings: Finding[] = [];
    for (const tool of TOOLS) {
      const zypper = tool.programs[0] === 'zypper';
      const calls = toolCalls(instruction, tool.programs, zypper ? ZYPPER_OPTIONS : YUM_OPTIONS);
      const command = (call: (typeof calls)[number]) => (zypper ? call.subcommand?.value : yumCommand(call));
      // The last download decides: a clean (or rm) before it leaves its metadata in the layer.
      const installs = calls.filter((call) => tool.installs.includes(command(call) ?? ''));
      const last = installs[installs.length - 1];
      if (
        !last ||
        tool.caches.some(
          (cache) => hasCacheMountOn(instruction, cache) || cleansFolder(instruction, cache, last.command),
        )
      )
        continue;
      if (
        calls.some((call) => ['clean', 'cc'].includes(command(call) ?? '') && startsAfter(call.command, last.command))
      )
        continue;
      findings.push({
        range: callRange(installs[0]!),
        message: messages.metadataStays({ program: last.command.program!, cache: tool.caches[0]!, clean: tool.clean }),
      });
    }
    return findings;
  },
  { shippedOnly: true },
);
