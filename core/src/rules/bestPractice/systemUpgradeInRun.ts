// `apt-get upgrade`, `dnf upgrade`, `apk upgrade`, `zypper dup`: upgrading every installed package
// makes the image depend on the day it was built. Off by default: Docker's best-practices page no
// longer advises against it (it says to rebuild often to pick up security fixes), and an upgrade is
// a fair way to get fixes a lagging base image lacks. Upgrades of named packages are left alone.
import { APK_OPTIONS } from './apkAddWithoutNoCache';
import { aptGetCalls } from './aptGet';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, callRange, type ToolCall, toolCalls } from './support';
import { YUM_OPTIONS, YUM_PROGRAMS, yumCommand } from './yum';
import { ZYPPER_OPTIONS } from './zypperWithoutNonInteractive';
import { defineMessages } from '../messages';

const messages = defineMessages({
  upgradesEverything: {
    en: (p: { call: string }) =>
      `${p.call} upgrades every installed package, so the image depends on the day it is built. ` +
      'Prefer a newer base image, or upgrade only the packages you need.',
    ko: (p) =>
      `${p.call}은 설치된 모든 패키지를 올리므로 이미지가 빌드한 날에 따라 달라집니다. ` +
      '더 새로운 베이스 이미지를 쓰거나 필요한 패키지만 올리세요.',
  },
});

/** Subcommands that upgrade the whole system when given no package names. */
const APT_UPGRADES = ['upgrade', 'dist-upgrade', 'full-upgrade'];
const APTITUDE_UPGRADES = ['safe-upgrade', 'full-upgrade', 'upgrade', 'dist-upgrade'];
const ZYPPER_UPGRADES = ['dist-upgrade', 'dup', 'update', 'up'];
const YUM_UPGRADES = ['upgrade', 'upgrade-minimal', 'distro-sync'];

/** A call with no operand after its subcommand; a word with an expansion might be a package list. */
const wholeSystem = (call: ToolCall): boolean => call.line.operands.length === 1 && !call.line.hasExpansion;

function upgradeCalls(instruction: Parameters<typeof toolCalls>[0]): ToolCall[] {
  const calls = [
    ...aptGetCalls(instruction, APT_UPGRADES, ['apt-get', 'apt']),
    ...aptGetCalls(instruction, APTITUDE_UPGRADES, ['aptitude']),
    ...toolCalls(instruction, ['zypper'], ZYPPER_OPTIONS).filter((call) =>
      ZYPPER_UPGRADES.includes(call.subcommand?.value ?? ''),
    ),
    ...toolCalls(instruction, YUM_PROGRAMS, YUM_OPTIONS).filter((call) =>
      YUM_UPGRADES.includes(yumCommand(call) ?? ''),
    ),
    ...toolCalls(instruction, ['apk'], APK_OPTIONS).filter((call) => call.subcommand?.value === 'upgrade'),
  ];
  const start = (call: ToolCall) => call.command.name.range.start;
  return calls
    .filter(wholeSystem)
    .sort((a, b) => start(a).line - start(b).line || start(a).character - start(b).character);
}

export const systemUpgradeInRun = shellRunRule(
  {
    code: 'SystemUpgradeInRun',
    severity: 'info',
    offByDefault: true,
    docs: `${BEST_PRACTICES}#rebuild-your-images-often`,
    description: {
      en:
        'Upgrading every package in RUN (apt-get upgrade, dnf upgrade, apk upgrade, zypper dup) makes the ' +
        'image depend on the day it is built; a newer base image brings the same fixes reproducibly. Off by ' +
        "default: Docker's best-practices page no longer advises against upgrades and asks you to rebuild " +
        'images often to get security fixes, so an upgrade is a fair choice when the base image lags behind.',
      ko:
        'RUN에서 모든 패키지를 올리면(apt-get upgrade, dnf upgrade, apk upgrade, zypper dup) 이미지가 빌드한 ' +
        '날에 따라 달라집니다. 더 새로운 베이스 이미지를 쓰면 같은 수정을 재현 가능하게 받을 수 있습니다. ' +
        'Docker 모범 사례 문서는 더 이상 업그레이드를 말리지 않고 보안 수정을 받도록 이미지를 자주 다시 ' +
        '빌드하라고 권하므로, 베이스 이미지가 뒤처질 때는 업그레이드도 타당한 선택입니다. 그래서 기본으로 꺼져 있습니다.',
    },
    messages,
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3035', note: 'zypper dist-upgrade only' },
      { tool: 'droast', id: 'DF044', note: 'zypper dist-upgrade only' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n', range: '1:22-1:40' },
        { dockerfile: 'FROM fedora:40\nRUN dnf -y upgrade && dnf clean all\n', range: '1:4-1:18' },
        { dockerfile: 'FROM opensuse/leap:15\nRUN zypper -n dup\n', range: '1:4-1:17' },
      ],
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y --only-upgrade openssl\n',
        'FROM fedora:40\nRUN dnf -y upgrade openssl && dnf clean all\n',
        'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n',
      ],
    },
  },
  (instruction) =>
    upgradeCalls(instruction).map((call) => ({
      range: callRange(call),
      message: messages.upgradesEverything({ call: `${call.command.program} ${call.subcommand!.value}` }),
    })),
);
