// BuildKit check FromAsCasing: `AS` should be cased like `FROM` (FROM ... AS, from ... as).
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  casingMismatch: {
    en: (p: { as: string; from: string; wanted: string }) =>
      `"${p.as}" and "${p.from}" are cased differently: write ${p.wanted}.`,
    ko: (p) => `"${p.as}"와 "${p.from}"의 대소문자가 다릅니다. ${p.wanted}로 씁니다.`,
  },
});

export const FromAsCasing: InstructionRule = {
  code: 'FromAsCasing',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('from-as-casing'),
  description: text('The AS keyword should match the casing of FROM.', 'AS 키워드는 FROM과 같은 대소문자로 씁니다.'),
  messages,
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'FromAsCasing' }],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine as build\n', range: '0:12-0:14' }],
    valid: ['from alpine as build\n'],
  },
  check(instruction) {
    const as = instruction.asKeyword;
    if (instruction.keyword !== 'FROM' || !as || !instruction.stageName) return [];
    const from = instruction.keywordRaw;
    // A mixed-case FROM is ConsistentInstructionCasing's business, not this check's.
    const fromLower = from === from.toLowerCase();
    const fromUpper = from === from.toUpperCase();
    if (!fromLower && !fromUpper) return [];
    const wanted = fromLower ? as.raw.toLowerCase() : as.raw.toUpperCase();
    if (as.raw === wanted) return [];
    return [
      {
        range: as.range,
        message: messages.casingMismatch({ as: as.raw, from, wanted }),
        fixes: [fix(`Write ${wanted}`, `${wanted}로 바꾸기`, [replace(as.range, wanted)])],
      },
    ];
  },
};
