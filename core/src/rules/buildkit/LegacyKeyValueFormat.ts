// BuildKit check LegacyKeyValueFormat: `ENV key value` / `LABEL key value` (whitespace as the
// separator) instead of key=value. The legacy form takes one pair only and reads ambiguously.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  legacyForm: {
    en: (p: { keyword: string; key: string }) =>
      `Write ${p.keyword} ${p.key}=... instead of the legacy "${p.keyword} key value" form.`,
    ko: (p) => `예전 방식인 "${p.keyword} key value" 대신 ${p.keyword} ${p.key}=... 형태로 씁니다.`,
  },
});

export const LegacyKeyValueFormat: InstructionRule = {
  code: 'LegacyKeyValueFormat',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('legacy-key-value-format'),
  description: text(
    'Use key=value, not the legacy "key value" form.',
    '예전 방식인 "key value" 대신 key=value로 씁니다.',
  ),
  messages,
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'LegacyKeyValueFormat' }],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nENV A 1\n', range: '1:4-1:7' }],
    valid: ['FROM alpine\nENV A=1\nLABEL a="b c"\n'],
  },
  check(instruction, escapeChar) {
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') return [];
    return (instruction.pairs ?? []).flatMap((pair) => {
      if (pair.equals || !pair.value) return [];
      const raw = pair.value.raw;
      // Only rewrite values whose meaning cannot change when quoted.
      const simple = !/["'`]/.test(raw) && !raw.includes(escapeChar) && !raw.includes('\n');
      const value = /\s/.test(raw) ? `"${raw}"` : raw;
      const rewritten = `${pair.key.raw}=${value}`;
      return [
        {
          range: pair.range,
          message: messages.legacyForm({ keyword: instruction.keyword, key: pair.key.raw }),
          fixes: simple
            ? [fix(`Write ${rewritten}`, `${rewritten}로 바꾸기`, [replace(pair.range, rewritten)])]
            : undefined,
        },
      ];
    });
  },
};
