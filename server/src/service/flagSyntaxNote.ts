// The Dockerfile syntax a flag needs, in words, for flags that have no doc page of their own
// (completion detail and hover say at least this much).
import type { Language } from '../../../core/src/engine/language';
import { pick } from '../../../core/src/engine/localized';
import type { FlagSpec } from '../../../core/src/parser';

export function flagSyntaxNote(keyword: string, spec: FlagSpec, language: Language): string {
  const version = spec.since === undefined ? undefined : `${spec.since}${spec.labs ? '-labs' : ''}`;
  return pick(
    version === undefined
      ? { en: `Flag of ${keyword}.`, ko: `${keyword}의 플래그입니다.` }
      : {
          en: `Flag of ${keyword}; needs Dockerfile syntax ${version} or later.`,
          ko: `${keyword}의 플래그입니다. Dockerfile 문법 ${version} 이상이 필요합니다.`,
        },
    language,
  );
}
