// Findings silenced by another linter's inline pragma (`# hadolint ignore=DL3008`, `# droast
// ignore=DF001`): a rule is silenced by any of its recorded hadolint, ShellCheck or droast
// equivalents. Builder errors stay, as with `# check=skip`: silencing them would not make
// `docker build` accept the file.
import type { Dockerfile } from '../parser';
import { inlineSuppressions } from '../model/suppressions';
import type { Rule, RuleFinding } from '../rules';
import { instructionAtLine } from './instructionAt';

const foreignCodes = new WeakMap<Rule, readonly string[]>();

/** The other linters' codes of a rule (BuildKit's names are Layerwise's own codes' peers, not pragma codes). */
function foreignCodesOf(rule: Rule): readonly string[] {
  let codes = foreignCodes.get(rule);
  if (!codes) {
    codes = rule.equivalents.filter((same) => same.tool !== 'buildkit').map((same) => same.id.toUpperCase());
    foreignCodes.set(rule, codes);
  }
  return codes;
}

/** `hadolintPragmas` false (layerwise.diagnostics.hadolintPragmas) leaves `# hadolint ignore=` pragmas unread. */
export function withoutSuppressed(findings: RuleFinding[], tree: Dockerfile, hadolintPragmas = true): RuleFinding[] {
  if (findings.length === 0) return findings;
  const suppressions = inlineSuppressions(tree, new Date(), hadolintPragmas);
  if (suppressions.empty) return findings;
  return findings.filter(({ rule, finding }) => {
    if (rule.kind === 'builder-error') return true;
    const codes = foreignCodesOf(rule);
    if (codes.length === 0) return true;
    const silenced = suppressions.codesAt(finding.instruction ?? instructionAtLine(tree, finding.range.start.line));
    return !codes.some((code) => silenced.has(code));
  });
}
