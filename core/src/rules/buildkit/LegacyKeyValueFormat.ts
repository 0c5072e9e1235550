// BuildKit check LegacyKeyValueFormat: `ENV key value` / `LABEL key value` (whitespace as the
// separator) instead of key=value. The legacy form takes one pair only and reads ambiguously.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';

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
          message: text(
            `Write ${instruction.keyword} ${pair.key.raw}=... instead of the legacy "${instruction.keyword} key value" form.`,
            `예전 방식인 "${instruction.keyword} key value" 대신 ${instruction.keyword} ${pair.key.raw}=... 형태로 씁니다.`,
          ),
          fixes: simple
            ? [fix(`Write ${rewritten}`, `${rewritten}로 바꾸기`, [replace(pair.range, rewritten)])]
            : undefined,
        },
      ];
    });
  },
};
