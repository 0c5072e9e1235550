// BuildKit check ExposeProtoCasing: EXPOSE protocols should be lowercase (80/tcp, not 80/TCP).
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, hasVariable, replace, text } from '../support';

export const ExposeProtoCasing: InstructionRule = {
  code: 'ExposeProtoCasing',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('expose-proto-casing'),
  description: text('EXPOSE protocols should be lowercase.', 'EXPOSE의 프로토콜은 소문자로 씁니다.'),
  check(instruction) {
    if (instruction.keyword !== 'EXPOSE') return [];
    return (instruction.ports ?? []).flatMap((port) => {
      const protocol = port.protocol;
      if (!protocol || protocol === protocol.toLowerCase() || hasVariable(port.raw.raw)) return [];
      const fixed = `${port.port.raw}/${protocol.toLowerCase()}`;
      return [
        {
          range: port.raw.range,
          message: text(`Write the protocol in lowercase: ${fixed}.`, `프로토콜은 소문자로 씁니다: ${fixed}.`),
          fixes: [fix(`Write ${fixed}`, `${fixed}로 바꾸기`, [replace(port.raw.range, fixed)])],
        },
      ];
    });
  },
};
