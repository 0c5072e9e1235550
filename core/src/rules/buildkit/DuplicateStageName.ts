// BuildKit check DuplicateStageName: two stages with the same name (compared lowercased).
import type { DocumentRule, Finding } from '../rule';
import { buildCheckDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  nameTaken: {
    en: (p: { name: string; line: number }) =>
      `The stage name "${p.name}" is already used on line ${p.line}; give each stage its own name.`,
    ko: (p) => `스테이지 이름 "${p.name}"는 ${p.line}번째 줄에서 이미 쓰였습니다. 스테이지마다 다른 이름을 붙입니다.`,
  },
});

export const DuplicateStageName: DocumentRule = {
  code: 'DuplicateStageName',
  kind: 'build-check',
  scope: 'document',
  severity: 'warning',
  docs: buildCheckDocs('duplicate-stage-name'),
  description: text('Stage names should be unique.', '스테이지 이름은 겹치지 않아야 합니다.'),
  messages,
  category: 'buildkit',
  equivalents: [
    { tool: 'buildkit', id: 'DuplicateStageName' },
    { tool: 'hadolint', id: 'DL3024', note: 'compares names as written, case-sensitively' },
    { tool: 'droast', id: 'DF042' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine AS base\nFROM alpine AS Base\n', range: '1:15-1:19' }],
    valid: ['FROM alpine AS base\nFROM alpine AS base2\n'],
  },
  check({ stages }) {
    const seen = new Map<string, number>();
    const findings: Finding[] = [];
    for (const stage of stages) {
      const name = stage.from.stageName;
      if (!stage.name || !name) continue;
      const earlier = seen.get(stage.name);
      if (earlier !== undefined) {
        findings.push({
          range: name.range,
          message: messages.nameTaken({ name: stage.name, line: earlier + 1 }),
        });
      } else seen.set(stage.name, name.range.start.line);
    }
    return findings;
  },
};
