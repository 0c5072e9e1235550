// BuildKit check MultipleInstructionsDisallowed: only the last CMD, ENTRYPOINT or HEALTHCHECK
// of a stage takes effect; the earlier ones are reported.
import type { Instruction } from '../../parser';
import type { Finding, StageRule } from '../rule';
import { defineMessages } from '../messages';
import { buildCheckDocs, text } from '../support';

const ONCE = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

const messages = defineMessages({
  replaced: {
    en: (p: { keyword: string; later: string }) =>
      `This ${p.keyword} has no effect: a later ${p.later} replaces it, since a stage keeps only its last one.`,
    ko: (p) =>
      `이 ${p.keyword}는 효과가 없습니다. 스테이지에는 마지막 것만 남으므로 뒤의 ${p.later}가 이것을 대신합니다.`,
  },
  replacement: {
    en: (p: { keyword: string }) => `The ${p.keyword} that takes effect instead`,
    ko: (p) => `대신 적용되는 ${p.keyword}`,
  },
});

export const MultipleInstructionsDisallowed: StageRule = {
  code: 'MultipleInstructionsDisallowed',
  kind: 'build-check',
  scope: 'stage',
  messages,
  severity: 'warning',
  docs: buildCheckDocs('multiple-instructions-disallowed'),
  description: text(
    'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage is used.',
    '스테이지마다 마지막 CMD, ENTRYPOINT, HEALTHCHECK만 적용됩니다.',
  ),
  category: 'buildkit',
  equivalents: [
    { tool: 'buildkit', id: 'MultipleInstructionsDisallowed' },
    { tool: 'hadolint', id: 'DL4003', note: 'CMD only' },
    { tool: 'hadolint', id: 'DL4004', note: 'ENTRYPOINT only' },
    { tool: 'hadolint', id: 'DL3012', note: 'HEALTHCHECK only' },
    { tool: 'droast', id: 'DF038', note: 'CMD only' },
    { tool: 'droast', id: 'DF039', note: 'ENTRYPOINT only' },
    { tool: 'droast', id: 'DF041', note: 'HEALTHCHECK only' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nCMD ["a"]\nCMD ["b"]\n', range: '1:0-1:3' }],
    valid: ['FROM alpine\nCMD ["a"]\nFROM alpine\nCMD ["b"]\n'],
  },
  check(stage) {
    const findings: Finding[] = [];
    const previous = new Map<string, Instruction>();
    for (const instruction of stage.instructions) {
      if (!ONCE.has(instruction.keyword)) continue;
      const earlier = previous.get(instruction.keyword);
      if (earlier) {
        findings.push({
          range: earlier.keywordRange,
          instruction: earlier,
          message: messages.replaced({ keyword: earlier.keyword, later: instruction.keyword }),
          related: [
            { range: instruction.keywordRange, message: messages.replacement({ keyword: instruction.keyword }) },
          ],
        });
      }
      previous.set(instruction.keyword, instruction);
    }
    return findings;
  },
};
