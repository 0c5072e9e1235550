// The findings under the cursor in a hover: each rule's code, its category and the same check in
// other tools (BuildKit, hadolint, droast, ShellCheck), so users can match their configurations.
// Reads only the findings of the last check of this version; it never checks.
import type { Position, Range } from '../../../../core/src/parser';
import type { CheckedFinding } from '../../../../core/src/engine/checkEngine';
import type { Language } from '../../../../core/src/engine/language';
import { type Localized, pick } from '../../../../core/src/engine/localized';
import type { Equivalent, Rule, RuleCategory } from '../../../../core/src/rules';
import { rangeContains } from '../lspRange';

const CATEGORY: Record<RuleCategory, Localized> = {
  builder: { en: 'build error', ko: '빌드 오류' },
  buildkit: { en: 'BuildKit build check', ko: 'BuildKit 빌드 검사' },
  cache: { en: 'build cache', ko: '빌드 캐시' },
  'best-practice': { en: 'best practice', ko: '모범 사례' },
  security: { en: 'security', ko: '보안' },
};

const TOOL_NAME: Record<Equivalent['tool'], string> = {
  buildkit: 'BuildKit',
  hadolint: 'hadolint',
  droast: 'droast',
  shellcheck: 'ShellCheck',
};

/** `JSONArgsRecommended` -> `json-args-recommended`: BuildKit's rule pages are named so. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** The other tool's page for its rule, where it keeps stable ones (droast has none per rule). */
export function equivalentUrl(equivalent: Equivalent): string | undefined {
  switch (equivalent.tool) {
    case 'buildkit':
      // The short link BuildKit prints with each warning.
      return `https://docs.docker.com/go/dockerfile/rule/${kebabCase(equivalent.id)}/`;
    case 'hadolint':
      return `https://github.com/hadolint/hadolint/wiki/${equivalent.id}`;
    case 'shellcheck':
      return `https://www.shellcheck.net/wiki/${equivalent.id}`;
    default:
      return undefined;
  }
}

/** Notes on how a check differs are written in English only, so Korean hovers leave them out. */
function equivalentLabel(equivalent: Equivalent, language: Language): string {
  const label = `${TOOL_NAME[equivalent.tool]} ${equivalent.id}`;
  const url = equivalentUrl(equivalent);
  const linked = url ? `[${label}](${url})` : label;
  return equivalent.note && language === 'en' ? `${linked} (${equivalent.note})` : linked;
}

/** The section for one rule: code (linked to its page) and category, then the same check elsewhere. */
function ruleSection(rule: Rule, language: Language): string {
  const heading = `**[${rule.code}](${rule.docs})** · ${pick(CATEGORY[rule.category], language)}`;
  if (rule.equivalents.length === 0) return heading;
  const same = pick({ en: 'Same check:', ko: '같은 검사:' }, language);
  return `${heading}\n\n${same} ${rule.equivalents.map((e) => equivalentLabel(e, language)).join(' · ')}`;
}

/** The rules whose findings cover `position`, each once, in the order of the findings. */
function rulesAt(findings: readonly CheckedFinding[], position: Position): { rules: Rule[]; range?: Range } {
  const rules: Rule[] = [];
  let range: Range | undefined;
  for (const finding of findings) {
    if (!finding.rule || !rangeContains(finding.range, position) || rules.includes(finding.rule)) continue;
    rules.push(finding.rule);
    range ??= finding.range;
  }
  return { rules, range };
}

/** The sections for the findings under the cursor, or undefined when there are none. */
export function findingSections(
  findings: readonly CheckedFinding[],
  position: Position,
  language: Language,
): { markdown: string; range: Range } | undefined {
  const { rules, range } = rulesAt(findings, position);
  if (!range) return undefined;
  return { markdown: rules.map((rule) => ruleSection(rule, language)).join('\n\n'), range };
}
