// BuildKit check MaintainerDeprecated: MAINTAINER is deprecated; a label says the same.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  deprecated: {
    en: () => 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="..." instead.',
    ko: () => 'MAINTAINER는 더 이상 권장되지 않습니다. 대신 LABEL org.opencontainers.image.authors="..."를 씁니다.',
  },
});

export const MaintainerDeprecated: InstructionRule = {
  code: 'MaintainerDeprecated',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('maintainer-deprecated'),
  description: text(
    'MAINTAINER is deprecated; use a label to name the image author.',
    'MAINTAINER는 더 이상 권장되지 않습니다. 이미지 작성자는 레이블로 적습니다.',
  ),
  messages,
  category: 'buildkit',
  equivalents: [
    { tool: 'buildkit', id: 'MaintainerDeprecated' },
    { tool: 'hadolint', id: 'DL4000' },
    { tool: 'droast', id: 'DF019' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nMAINTAINER me@example.com\n', range: '1:0-1:10' }],
    valid: ['FROM alpine\nLABEL org.opencontainers.image.authors="me@example.com"\n'],
  },
  check(instruction) {
    if (instruction.keyword !== 'MAINTAINER') return [];
    const author = instruction.rest?.raw ?? '';
    const label = `LABEL org.opencontainers.image.authors=${JSON.stringify(author)}`;
    const safe = !/["\\$`]/.test(author) && author !== '';
    return [
      {
        range: instruction.keywordRange,
        message: messages.deprecated(),
        fixes: safe
          ? [
              fix('Replace with an authors label', 'authors 레이블로 바꾸기', [
                replace({ start: instruction.keywordRange.start, end: instruction.rest!.range.end }, label),
              ]),
            ]
          : undefined,
      },
    ];
  },
};
