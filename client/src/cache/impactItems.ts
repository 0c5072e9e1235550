// The quick-pick entries for "What does changing this file rebuild?", from the server's answer,
// worded by the Translator passed in. Pure (no 'vscode' import) so it is unit-tested.
import type { DockerfileImpact, FileImpactResult } from '../../../protocol/src/protocol';
import type { Translator } from '../l10n/translator';

export interface ImpactItem {
  label: string;
  description: string;
  detail: string | undefined;
  /** Where selecting the item goes: the Dockerfile and the 0-based line of the first rebuilt instruction. */
  uri: string;
  line: number;
}

/** Affected Dockerfiles first (most rebuilt steps first), then the others with the reason. */
export function impactItems(
  result: FileImpactResult,
  displayPath: (uri: string) => string,
  l10n: Translator,
): ImpactItem[] {
  const affected = result.dockerfiles
    .filter((d) => d.first)
    .sort((a, b) => b.rebuiltAfter - a.rebuiltAfter || displayPath(a.uri).localeCompare(displayPath(b.uri)));
  const unaffected = result.dockerfiles
    .filter((d) => !d.first)
    .sort((a, b) => displayPath(a.uri).localeCompare(displayPath(b.uri)));
  return [
    ...affected.map((d) => affectedItem(d, displayPath, l10n)),
    ...unaffected.map((d) => unaffectedItem(d, displayPath, l10n)),
  ];
}

function affectedItem(impact: DockerfileImpact, displayPath: (uri: string) => string, l10n: Translator): ImpactItem {
  const first = impact.first!;
  const after = impact.rebuiltAfter;
  const line = first.line + 1;
  const description =
    after === 1
      ? l10n.t('rebuilds from line {0} · {1} step after it', line, after)
      : l10n.t('rebuilds from line {0} · {1} steps after it', line, after);
  const detail = l10n.t('stage {0}, layer {1}: {2}', first.stage, first.layer, first.text);
  return { label: `$(layers) ${displayPath(impact.uri)}`, description, detail, uri: impact.uri, line: first.line };
}

function reason(impact: DockerfileImpact, l10n: Translator): string {
  switch (impact.reason ?? 'not-copied') {
    case 'outside-context':
      return l10n.t('not in its build context');
    case 'ignored':
      return l10n.t('left out by .dockerignore');
    case 'not-copied':
      return l10n.t('no COPY or ADD takes it');
    case 'unreadable':
      return l10n.t('could not be read');
  }
}

function unaffectedItem(impact: DockerfileImpact, displayPath: (uri: string) => string, l10n: Translator): ImpactItem {
  return {
    label: `$(pass) ${displayPath(impact.uri)}`,
    description: l10n.t('nothing rebuilds · {0}', reason(impact, l10n)),
    detail: undefined,
    uri: impact.uri,
    line: 0,
  };
}
