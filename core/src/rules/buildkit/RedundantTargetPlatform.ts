// BuildKit check RedundantTargetPlatform: FROM --platform=$TARGETPLATFORM is the default.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  redundantPlatform: {
    en: (p: { platform: string }) =>
      `--platform=${p.platform} is what FROM does anyway: the target platform is the default, so the flag can go.`,
    ko: (p) =>
      `--platform=${p.platform}는 FROM의 기본 동작과 같습니다. 대상 플랫폼이 기본값이므로 이 플래그는 빼도 됩니다.`,
  },
});

export const RedundantTargetPlatform: InstructionRule = {
  code: 'RedundantTargetPlatform',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('redundant-target-platform'),
  description: text(
    'Setting FROM --platform to $TARGETPLATFORM is redundant: it is the default.',
    'FROM --platform을 $TARGETPLATFORM으로 지정하는 것은 기본값이라 불필요합니다.',
  ),
  messages,
  category: 'buildkit',
  equivalents: [
    { tool: 'buildkit', id: 'RedundantTargetPlatform' },
    { tool: 'hadolint', id: 'DL3065' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM --platform=$TARGETPLATFORM alpine\n', range: '0:5-0:31' }],
    valid: ['FROM --platform=$BUILDPLATFORM alpine\n'],
  },
  check(instruction) {
    if (instruction.keyword !== 'FROM') return [];
    return instruction.flags.flatMap((flag) => {
      if (flag.name !== 'platform' || (flag.value !== '$TARGETPLATFORM' && flag.value !== '${TARGETPLATFORM}'))
        return [];
      const next = instruction.image?.range.start;
      const end = next && next.line === flag.range.end.line ? next : flag.range.end;
      return [
        {
          range: flag.range,
          message: messages.redundantPlatform({ platform: flag.value }),
          fixes: [fix('Remove --platform', '--platform 지우기', [replace({ start: flag.range.start, end }, '')])],
        },
      ];
    });
  },
};
