// With a label schema and layerwise.diagnostics.strictLabels set, a LABEL may only set the labels
// the schema lists, so a team's images carry one agreed set.
import { defineMessages } from '../messages';
import type { DocumentRule, Finding } from '../rule';
import { labelPairs } from './labelSchema';

const messages = defineMessages({
  unknown: {
    en: (p: { label: string }) =>
      `Label "${p.label}" is not in layerwise.diagnostics.labelSchema, and strict labels allow only those.`,
    ko: (p) =>
      `"${p.label}" 레이블은 layerwise.diagnostics.labelSchema에 없으며, strictLabels가 켜져 있어 스키마의 레이블만 허용됩니다.`,
  },
});

export const unknownLabel: DocumentRule = {
  scope: 'document',
  code: 'UnknownLabel',
  severity: 'info',
  docs: 'https://docs.docker.com/reference/dockerfile/#label',
  description: {
    en:
      'With layerwise.diagnostics.strictLabels on, a LABEL sets a label that layerwise.diagnostics.labelSchema ' +
      'does not list.',
    ko: 'layerwise.diagnostics.strictLabels가 켜져 있을 때 LABEL이 layerwise.diagnostics.labelSchema에 없는 레이블을 설정합니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [{ tool: 'hadolint', id: 'DL3050' }],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM alpine:3.20\nLABEL maintainer=team@example.com\n',
        range: '1:6-1:16',
        settings: { labelSchema: { 'org.opencontainers.image.authors': 'email' }, strictLabels: true },
      },
    ],
    valid: [
      {
        dockerfile: 'FROM alpine:3.20\nLABEL maintainer=team@example.com\n',
        settings: { labelSchema: { 'org.opencontainers.image.authors': 'email' }, strictLabels: false },
      },
      {
        dockerfile: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors=team@example.com\n',
        settings: { labelSchema: { 'org.opencontainers.image.authors': 'email' }, strictLabels: true },
      },
    ],
  },
  check({ stages, settings }) {
    const schema = settings.labelSchema;
    if (!settings.strictLabels || Object.keys(schema).length === 0) return [];
    const findings: Finding[] = [];
    for (const stage of stages)
      for (const { pair, instruction } of labelPairs(stage)) {
        const label = pair.key.value;
        if (label === '' || pair.key.raw.includes('$') || Object.hasOwn(schema, label)) continue;
        findings.push({ range: pair.key.range, message: messages.unknown({ label }), instruction });
      }
    return findings;
  },
};
