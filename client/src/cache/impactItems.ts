// The quick-pick entries for "What does changing this file rebuild?", from the server's answer.
// Pure (no 'vscode' import) so it is unit-tested.
import type { DockerfileImpact, FileImpactResult } from '../../../server/src/protocol';

export type ClientLanguage = 'en' | 'ko';

export interface ImpactItem {
  label: string;
  description: string;
  detail: string | undefined;
  /** Where selecting the item goes: the Dockerfile and the 0-based line of the first rebuilt instruction. */
  uri: string;
  line: number;
}

/** Affected Dockerfiles first (most rebuilt steps first), then the others with the reason. */
export function impactItems(result: FileImpactResult, displayPath: (uri: string) => string, language: ClientLanguage): ImpactItem[] {
  const affected = result.dockerfiles.filter((d) => d.first).sort((a, b) => b.rebuiltAfter - a.rebuiltAfter || displayPath(a.uri).localeCompare(displayPath(b.uri)));
  const unaffected = result.dockerfiles.filter((d) => !d.first).sort((a, b) => displayPath(a.uri).localeCompare(displayPath(b.uri)));
  return [...affected.map((d) => affectedItem(d, displayPath, language)), ...unaffected.map((d) => unaffectedItem(d, displayPath, language))];
}

function affectedItem(impact: DockerfileImpact, displayPath: (uri: string) => string, language: ClientLanguage): ImpactItem {
  const first = impact.first!;
  const after = impact.rebuiltAfter;
  const description = language === 'ko'
    ? `${first.line + 1}행부터 다시 빌드 · 그 뒤 단계 ${after}개`
    : `rebuilds from line ${first.line + 1} · ${after} ${after === 1 ? 'step' : 'steps'} after it`;
  const detail = language === 'ko' ? `스테이지 ${first.stage}, 레이어 ${first.layer}: ${first.text}` : `stage ${first.stage}, layer ${first.layer}: ${first.text}`;
  return { label: `$(layers) ${displayPath(impact.uri)}`, description, detail, uri: impact.uri, line: first.line };
}

const REASONS: Record<NonNullable<DockerfileImpact['reason']>, Record<ClientLanguage, string>> = {
  'outside-context': { en: 'not in its build context', ko: '빌드 컨텍스트 밖의 파일' },
  ignored: { en: 'left out by .dockerignore', ko: '.dockerignore가 제외함' },
  'not-copied': { en: 'no COPY or ADD takes it', ko: '이 파일을 가져가는 COPY·ADD가 없음' },
  unreadable: { en: 'could not be read', ko: '읽을 수 없음' },
};

function unaffectedItem(impact: DockerfileImpact, displayPath: (uri: string) => string, language: ClientLanguage): ImpactItem {
  const reason = REASONS[impact.reason ?? 'not-copied'][language];
  return { label: `$(pass) ${displayPath(impact.uri)}`, description: language === 'ko' ? `다시 빌드 없음 · ${reason}` : `nothing rebuilds · ${reason}`, detail: undefined, uri: impact.uri, line: 0 };
}
