// With a label schema set, a LABEL value must have the type the schema gives its key (a URL, an
// email address, a semantic version, ...). Values that depend on build arguments are not known
// here, so they are left alone.
import { defineMessages } from '../messages';
import type { DocumentRule, Finding, LabelType } from '../rule';
import { hasLabelType, labelPairs } from './labelSchema';

const EXPECTED: Readonly<Record<Exclude<LabelType, 'text'>, { en: string; ko: string }>> = {
  url: { en: 'an absolute URL (https://...)', ko: '절대 URL(https://...)' },
  email: { en: 'an email address', ko: '이메일 주소' },
  semver: { en: 'a semantic version (1.2.3)', ko: '시맨틱 버전(1.2.3)' },
  hash: { en: 'a git commit hash (hex digits)', ko: 'git 커밋 해시(16진수)' },
  rfc3339: { en: 'an RFC 3339 time (2024-05-01T12:00:00Z)', ko: 'RFC 3339 시각(2024-05-01T12:00:00Z)' },
  spdx: {
    en: 'an SPDX license expression (MIT, Apache-2.0 OR MIT)',
    ko: 'SPDX 라이선스 표현식(MIT, Apache-2.0 OR MIT)',
  },
};

const messages = defineMessages({
  empty: {
    en: (p: { label: string }) => `Label "${p.label}" is empty; layerwise.diagnostics.labelSchema requires a value.`,
    ko: (p) => `"${p.label}" 레이블이 비어 있습니다. layerwise.diagnostics.labelSchema는 값을 요구합니다.`,
  },
  wrongType: {
    en: (p: { label: string; value: string; expected: { en: string; ko: string } }) =>
      `Label "${p.label}" is "${p.value}", which is not ${p.expected.en} as layerwise.diagnostics.labelSchema ` +
      `requires.`,
    ko: (p) =>
      `"${p.label}" 레이블 값 "${p.value}"은(는) layerwise.diagnostics.labelSchema가 요구하는 ${p.expected.ko} 형식이 ` +
      `아닙니다.`,
  },
});

export const labelValueType: DocumentRule = {
  scope: 'document',
  code: 'LabelValueType',
  severity: 'warning',
  docs: 'https://docs.docker.com/reference/dockerfile/#label',
  description: {
    en:
      'A LABEL value does not have the type layerwise.diagnostics.labelSchema gives its key (URL, email, ' +
      'semantic version, git hash, RFC 3339 time, SPDX license), or is empty.',
    ko:
      'LABEL 값이 layerwise.diagnostics.labelSchema가 그 키에 정한 형식(URL, 이메일, 시맨틱 버전, git 해시, ' +
      'RFC 3339 시각, SPDX 라이선스)이 아니거나 비어 있습니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3051', note: 'empty value' },
    { tool: 'hadolint', id: 'DL3052', note: 'url' },
    { tool: 'hadolint', id: 'DL3053', note: 'rfc3339' },
    { tool: 'hadolint', id: 'DL3054', note: 'spdx; Layerwise checks the expression, not the license list' },
    { tool: 'hadolint', id: 'DL3055', note: 'hash' },
    { tool: 'hadolint', id: 'DL3056', note: 'semver' },
    { tool: 'hadolint', id: 'DL3058', note: 'email' },
  ],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=v1\n',
        range: '1:39-1:41',
        settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
      },
    ],
    valid: [
      {
        dockerfile: 'FROM alpine:3.20\nARG VERSION\nLABEL org.opencontainers.image.version=1.4.0 other=$VERSION\n',
        settings: { labelSchema: { 'org.opencontainers.image.version': 'semver', other: 'semver' } },
      },
      'FROM alpine:3.20\nLABEL org.opencontainers.image.version=v1\n',
    ],
  },
  check({ stages, settings }) {
    const schema = settings.labelSchema;
    const findings: Finding[] = [];
    for (const stage of stages) {
      for (const { pair, instruction } of labelPairs(stage)) {
        const label = pair.key.value;
        if (!Object.hasOwn(schema, label) || pair.key.raw.includes('$')) continue;
        const type = schema[label]!;
        const value = pair.value;
        if (value?.raw.includes('$')) continue;
        const range = value && value.raw !== '' ? value.range : pair.range;
        if (!value || value.value.trim() === '')
          findings.push({ range, message: messages.empty({ label }), instruction });
        else if (type !== 'text' && !hasLabelType(value.value, type))
          findings.push({
            range,
            message: messages.wrongType({ label, value: value.value, expected: EXPECTED[type] }),
            instruction,
          });
      }
    }
    return findings;
  },
};
