import type { Finding, StageRule } from '../rule';
import { BEST_PRACTICES } from './support';

/** The tag of an image reference (`registry:5000/name:tag`), undefined when untagged. */
export function imageTag(reference: string): string | undefined {
  const name = reference.slice(reference.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  return colon < 0 ? undefined : name.slice(colon + 1);
}

export const baseImageLatestTag: StageRule = {
  scope: 'stage',
  code: 'BaseImageLatestTag',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#pin-base-image-versions`,
  description: {
    en: 'An untagged or :latest base image changes under you; name a version tag (or a digest) so builds are repeatable.',
    ko: '태그가 없거나 :latest인 베이스 이미지는 언제든 바뀝니다. 빌드를 재현할 수 있도록 버전 태그(또는 다이제스트)를 적으세요.',
  },
  check({ stage }) {
    const findings: Finding[] = [];
    const image = stage.from.image;
    if (!image || stage.baseStage) return findings;
    // With variables, only the written text counts: the value may come from --build-arg.
    const reference = image.raw;
    if (reference.includes('@') || reference.toLowerCase() === 'scratch') return findings;
    const tag = imageTag(reference);
    if (tag === undefined && reference.includes('$')) return findings;
    if (tag !== undefined && tag !== 'latest') return findings;
    findings.push({
      range: image.range,
      message:
        tag === undefined
          ? {
              en: `${reference} has no tag, so it means ${reference}:latest, which moves with every release. Pin a version tag.`,
              ko: `${reference}에는 태그가 없어 ${reference}:latest로 해석되며, 릴리스마다 바뀝니다. 버전 태그를 고정하세요.`,
            }
          : {
              en: `${reference} moves with every release, so the same Dockerfile builds different images over time. Pin a version tag.`,
              ko: `${reference}는 릴리스마다 바뀌므로 같은 Dockerfile이 시간에 따라 다른 이미지를 만듭니다. 버전 태그를 고정하세요.`,
            },
    });
    return findings;
  },
};
