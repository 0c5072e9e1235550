// With a label schema set, the image the file builds (its last stage) must carry every label the
// schema lists; a stage has the labels of the stages it is built on.
import { defineMessages } from '../messages';
import type { DocumentRule, Finding } from '../rule';
import { imageLabelKeys } from './labelSchema';

const messages = defineMessages({
  missing: {
    en: (p: { label: string }) =>
      `The image has no "${p.label}" label, which layerwise.diagnostics.labelSchema requires. Add it with LABEL.`,
    ko: (p) =>
      `이미지에 layerwise.diagnostics.labelSchema가 요구하는 "${p.label}" 레이블이 없습니다. LABEL로 추가하세요.`,
  },
});

export const missingSchemaLabel: DocumentRule = {
  scope: 'document',
  code: 'MissingSchemaLabel',
  severity: 'info',
  docs: 'https://docs.docker.com/reference/dockerfile/#label',
  description: {
    en: 'The built image lacks a label that layerwise.diagnostics.labelSchema lists (checked only when it is set).',
    ko: '빌드한 이미지에 layerwise.diagnostics.labelSchema에 있는 레이블이 없습니다(스키마를 설정했을 때만 검사합니다).',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    {
      tool: 'hadolint',
      id: 'DL3049',
      note: 'hadolint checks every stage not copied from; Layerwise checks the image the file builds',
    },
  ],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=app\n',
        range: '0:0-0:16',
        settings: { labelSchema: { 'org.opencontainers.image.title': 'text', 'org.opencontainers.image.url': 'url' } },
      },
    ],
    valid: [
      {
        dockerfile: 'FROM alpine:3.20 AS base\nLABEL org.opencontainers.image.url=https://example.com\nFROM base\n',
        settings: { labelSchema: { 'org.opencontainers.image.url': 'url' } },
      },
      'FROM alpine:3.20\n',
    ],
  },
  check({ stages, settings }) {
    const required = Object.keys(settings.labelSchema);
    const final = stages.at(-1);
    if (required.length === 0 || !final) return [];
    const keys = imageLabelKeys(final);
    if (!keys) return [];
    const findings: Finding[] = [];
    for (const label of required)
      if (!keys.has(label)) findings.push({ range: final.from.range, message: messages.missing({ label }) });
    return findings;
  },
};
