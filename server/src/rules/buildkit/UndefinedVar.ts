// BuildKit check UndefinedVar: a variable the builder expands (ENV, COPY, WORKDIR, RUN flags,
// ...) that nothing defines at that point. A stage built on an external image also sees the
// image's ENV, which is unknown here: there only likely typos (a close defined name) are
// reported. `${X:-...}`-style references deal with an unset X on purpose and are skipped.
import type { ResolvedReference, Stage } from '../../model';
import type { DocumentRule, Finding } from '../rule';
import { suggestName } from '../suggest';
import { buildCheckDocs, comparePositions, rangeWithin, text } from '../support';

/** Variables the builder always sets, or handles itself. */
const ALWAYS_DEFINED = new Set(['PATH', 'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const HANDLES_UNSET = new Set([':-', '-', ':+', '+', ':?', '?']);

function rootStage(stage: Stage): Stage {
  let root = stage;
  while (root.baseStage) root = root.baseStage;
  return root;
}

function isScratch(stage: Stage): boolean {
  return (stage.resolvedBaseImage ?? stage.baseImage).toLowerCase() === 'scratch';
}

function expandedByBuilder(resolved: ResolvedReference): boolean {
  if (resolved.expandedByBuilder) return resolved.instruction.keyword !== 'FROM';
  // RUN's command is the shell's, but the builder expands its --mount/--network values.
  const { reference, instruction } = resolved;
  return instruction.keyword === 'RUN' && instruction.flags.some((flag) => rangeWithin(reference.range, flag.range));
}

function definedEarlierInSameArg(resolved: ResolvedReference): boolean {
  const { instruction, reference } = resolved;
  return instruction.keyword === 'ARG' && (instruction.pairs ?? []).some((pair) => pair.key.value === reference.name && comparePositions(pair.range.end, reference.range.start) <= 0);
}

export const UndefinedVar: DocumentRule = {
  code: 'UndefinedVar',
  kind: 'build-check',
  scope: 'document',
  severity: 'warning',
  docs: buildCheckDocs('undefined-var'),
  description: text('Variables should be defined before they are used.', '변수는 쓰기 전에 정의합니다.'),
  check({ model }) {
    const findings: Finding[] = [];
    for (const resolved of model.references) {
      const { reference, stage, definition, instruction } = resolved;
      if (definition || !stage || reference.inHeredoc || reference.malformed || reference.name === '') continue;
      if (ALWAYS_DEFINED.has(reference.name) || (reference.modifier && HANDLES_UNSET.has(reference.modifier))) continue;
      if (!expandedByBuilder(resolved) || definedEarlierInSameArg(resolved)) continue;
      const guess = suggestName(reference.name, model.scopeBefore(instruction).keys());
      if (!guess && !isScratch(rootStage(stage))) continue;
      findings.push({
        range: reference.range,
        message: text(
          `$${reference.name} is not defined at this point, so it expands to an empty string${guess ? ` (did you mean $${guess}?)` : ''}.`,
          `$${reference.name}는 이 시점에 정의되어 있지 않아 빈 문자열로 바뀝니다${guess ? ` ($${guess}을(를) 뜻했나요?)` : ''}.`,
        ),
      });
    }
    return findings;
  },
};
