// BuildKit check ExposeProtoCasing: EXPOSE protocols should be lowercase (80/tcp, not 80/TCP).
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, hasVariable, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  uppercaseProtocol: {
    en: (p: { fixed: string }) => `Write the protocol in lowercase: ${p.fixed}.`,
    ko: (p) => `프로토콜은 소문자로 씁니다: ${p.fixed}.`,
  },
});

export const ExposeProtoCasing: InstructionRule = {
  code: 'ExposeProtoCasing',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('expose-proto-casing'),
  description: text('EXPOSE protocols should be lowercase.', 'EXPOSE의 프로토콜은 소문자로 씁니다.'),
  messages,
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'ExposeProtoCasing' }],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nEXPOSE 80/TCP\n', range: '1:7-1:13' }],
    valid: ['FROM alpine\nEXPOSE 80/tcp\n'],
  },
  check(instruction) {
    if (instruction.keyword !== 'EXPOSE') return [];
    return (instruction.ports ?? []).flatMap((port) => {
      const protocol = port.protocol;
      if (!protocol || protocol === protocol.toLowerCase() || hasVariable(port.raw.raw)) return [];
      const fixed = `${port.port.raw}/${protocol.toLowerCase()}`;
      return [
        {
          range: port.raw.range,
          message: messages.uppercaseProtocol({ fixed }),
          fixes: [fix(`Write ${fixed}`, `${fixed}로 바꾸기`, [replace(port.raw.range, fixed)])],
        },
      ];
    });
  },
};
