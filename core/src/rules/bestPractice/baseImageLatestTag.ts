import { processWord } from '../../parser';
import type { Finding, StageRule } from '../rule';
import { BEST_PRACTICES } from './support';
import { defineMessages } from '../messages';

/** The tag of an image reference (`registry:5000/name:tag`), undefined when untagged. */
function imageTag(reference: string): string | undefined {
  const name = reference.slice(reference.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  return colon < 0 ? undefined : name.slice(colon + 1);
}

const messages = defineMessages({
  untagged: {
    en: (p: { reference: string }) =>
      `${p.reference} has no tag, so it means ${p.reference}:latest, which moves with every release. Pin a version ` +
      `tag.`,
    ko: (p) =>
      `${p.reference}에는 태그가 없어 ${p.reference}:latest로 해석되며, 릴리스마다 바뀝니다. 버전 태그를 고정하세요.`,
  },
  latest: {
    en: (p: { reference: string }) =>
      `${p.reference} moves with every release, so the same Dockerfile builds different images over time. Pin a ` +
      `version tag.`,
    ko: (p) =>
      `${p.reference}는 릴리스마다 바뀌므로 같은 Dockerfile이 시간에 따라 다른 이미지를 만듭니다. 버전 태그를 고정하세요.`,
  },
});

export const baseImageLatestTag: StageRule = {
  scope: 'stage',
  messages,
  code: 'BaseImageLatestTag',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#pin-base-image-versions`,
  description: {
    en:
      'An untagged or :latest base image changes under you; ' +
      'name a version tag (or a digest) so builds are repeatable.',
    ko: '태그가 없거나 :latest인 베이스 이미지는 언제든 바뀝니다. 빌드를 재현할 수 있도록 버전 태그(또는 다이제스트)를 적으세요.',
  },
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3007', note: ':latest' },
    { tool: 'hadolint', id: 'DL3006', note: 'untagged' },
    { tool: 'droast', id: 'DF001' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM ubuntu:latest\n', range: '0:5-0:18' }],
    valid: ['FROM ubuntu:24.04\n', 'FROM "scratch"\n'],
  },
  check(stage, model) {
    const findings: Finding[] = [];
    const image = stage.from.image;
    if (!image || stage.baseStage) return findings;
    // The name as the builder reads it (quotes removed); references stay as written, since their
    // value may come from --build-arg.
    const reference = processWord(image, model.facts.escapeChar, false).value;
    if (reference.includes('@') || reference.toLowerCase() === 'scratch') return findings;
    const tag = imageTag(reference);
    if (tag === undefined && reference.includes('$')) return findings;
    if (tag !== undefined && tag !== 'latest') return findings;
    findings.push({
      range: image.range,
      message: tag === undefined ? messages.untagged({ reference }) : messages.latest({ reference }),
    });
    return findings;
  },
};
