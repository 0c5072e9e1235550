// BuildKit check FromPlatformFlagConstDisallowed: FROM --platform=linux/amd64 pins the stage
// to one platform whatever the build targets. Not reported when the stage name mentions the
// platform's OS or architecture (then pinning is clearly intended).
import type { InstructionRule } from '../rule';
import { buildCheckDocs, hasVariable, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  constantPlatform: {
    en: (p: { platform: string }) =>
      `--platform=${p.platform} fixes this stage to one platform whatever the build targets; use a variable such ` +
      'as $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after the platform if that is intended.',
    ko: (p) =>
      `--platform=${p.platform}는 빌드 대상과 상관없이 이 스테이지를 한 플랫폼에 고정합니다. $BUILDPLATFORM이나 $TARGETPLATFORM 같은 변수를 쓰거나, ` +
      '의도한 것이라면 스테이지 이름에 플랫폼을 넣습니다.',
  },
});

const KNOWN_OS = new Set([
  'linux',
  'windows',
  'darwin',
  'freebsd',
  'netbsd',
  'openbsd',
  'solaris',
  'illumos',
  'aix',
  'android',
  'ios',
  'plan9',
  'dragonfly',
  'js',
  'wasip1',
]);

/** OS and architecture of a platform string such as linux/arm64/v8, or undefined when it is not one. */
function parsePlatform(value: string): { os: string; architecture: string } | undefined {
  const parts = value.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((part) => !/^[a-z0-9_.-]+$/.test(part))) return undefined;
  if (parts.length === 1)
    return KNOWN_OS.has(parts[0]!)
      ? { os: parts[0]!, architecture: 'amd64' }
      : { os: 'linux', architecture: parts[0]! };
  return { os: parts[0]!, architecture: parts[1]! };
}

export const FromPlatformFlagConstDisallowed: InstructionRule = {
  code: 'FromPlatformFlagConstDisallowed',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('from-platform-flag-const-disallowed'),
  description: text(
    'FROM --platform should not be a constant value.',
    'FROM --platform에는 고정된 값을 쓰지 않습니다.',
  ),
  messages,
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'FromPlatformFlagConstDisallowed' }],
  examples: {
    invalid: [{ dockerfile: 'FROM --platform=linux/amd64 alpine AS build\n', range: '0:5-0:27' }],
    valid: ['FROM --platform=linux/amd64 alpine AS build-amd64\nFROM --platform=$BUILDPLATFORM alpine\n'],
  },
  check(instruction) {
    if (instruction.keyword !== 'FROM') return [];
    const stageName = instruction.stageName?.value.toLowerCase() ?? '';
    return instruction.flags.flatMap((flag) => {
      if (flag.name !== 'platform' || !flag.value || hasVariable(flag.value)) return [];
      const platform = parsePlatform(flag.value);
      if (!platform || stageName.includes(platform.os) || stageName.includes(platform.architecture)) return [];
      return [
        {
          range: flag.range,
          message: messages.constantPlatform({ platform: flag.value }),
        },
      ];
    });
  },
};
