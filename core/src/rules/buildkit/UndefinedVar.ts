// BuildKit check UndefinedVar: a variable the builder expands (ENV, COPY, WORKDIR, RUN flags,
// ...) that nothing defines at that point. A stage built on an external image also sees the
// image's ENV, which is unknown here: there only likely typos (a close defined name) are
// reported. `${X:-...}`-style references deal with an unset X on purpose and are skipped.
import { BUILDER_EXPANDED, predefinedArg } from '../../model';
import type { Instruction, VariableReference } from '../../parser';
import type { Finding, StageRule } from '../rule';
import type { BuildStage } from '../../model';
import { suggestName } from '../suggest';
import { buildCheckDocs, comparePositions, rangeWithin, text } from '../support';

/** Variables the builder always sets, or handles itself. */
const ALWAYS_DEFINED = new Set(['PATH', 'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const HANDLES_UNSET = new Set([':-', '-', ':+', '+', ':?', '?']);

/** What a stage hands down: the ENV names it ends with, and whether its chain starts from scratch. */
interface StageEnv {
  env: ReadonlySet<string>;
  scratch: boolean;
}

const NO_NAMES: ReadonlySet<string> = new Set();

function isScratch(stage: BuildStage): boolean {
  return (stage.image ?? stage.from.image?.raw ?? '').toLowerCase() === 'scratch';
}

/** Whether the builder expands this reference (FROM is UndefinedArgInFrom's). */
function expandedByBuilder(instruction: Instruction, reference: VariableReference): boolean {
  if (BUILDER_EXPANDED.has(instruction.keyword)) return instruction.keyword !== 'FROM';
  // RUN's command is the shell's, but the builder expands its --mount/--network values.
  return instruction.keyword === 'RUN' && instruction.flags.some((flag) => rangeWithin(reference.range, flag.range));
}

function definedEarlierInSameArg(instruction: Instruction, reference: VariableReference): boolean {
  return (
    instruction.keyword === 'ARG' &&
    (instruction.pairs ?? []).some(
      (pair) => pair.key.value === reference.name && comparePositions(pair.range.end, reference.range.start) <= 0,
    )
  );
}

/**
 * Names are visible as the model scopes them: the ENV of the stages this one builds on, then
 * the stage's own ARG and ENV from the instruction after them on; the shell of RUN and the
 * like also gets the proxy args. A stage test keeps this in step with the model.
 */
export const UndefinedVar: StageRule<StageEnv | undefined> = {
  code: 'UndefinedVar',
  kind: 'build-check',
  scope: 'stage',
  severity: 'warning',
  docs: buildCheckDocs('undefined-var'),
  description: text('Variables should be defined before they are used.', '변수는 쓰기 전에 정의합니다.'),
  sameCarry: (a, b) =>
    a !== undefined &&
    b !== undefined &&
    a.scratch === b.scratch &&
    a.env.size === b.env.size &&
    [...a.env].every((name) => b.env.has(name)),
  check({ stage, inherited }) {
    const base = inherited ?? { env: NO_NAMES, scratch: isScratch(stage) };
    const own = new Set<string>();
    let env = base.env;
    let ownEnv: Set<string> | undefined;
    const findings: Finding[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'FROM') continue;
      for (const reference of instruction.variables) {
        const { name } = reference;
        if (own.has(name) || env.has(name) || reference.inHeredoc || reference.malformed || name === '') continue;
        if (ALWAYS_DEFINED.has(name) || (reference.modifier && HANDLES_UNSET.has(reference.modifier))) continue;
        if (!BUILDER_EXPANDED.has(instruction.keyword) && predefinedArg(name)?.kind === 'proxy') continue;
        if (!expandedByBuilder(instruction, reference) || definedEarlierInSameArg(instruction, reference)) continue;
        const guess = suggestName(name, [...env, ...own]);
        if (!guess && !base.scratch) continue;
        findings.push({
          range: reference.range,
          message: text(
            `$${name} is not defined at this point, so it expands to an empty string${guess ? ` (did you mean $${guess}?)` : ''}.`,
            `$${name}는 이 시점에 정의되어 있지 않아 빈 문자열로 바뀝니다${guess ? ` ($${guess}을(를) 뜻했나요?)` : ''}.`,
          ),
        });
      }
      if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
      for (const pair of instruction.pairs ?? []) {
        own.add(pair.key.value);
        if (instruction.keyword !== 'ENV' || env.has(pair.key.value)) continue;
        // Copied once per stage that adds ENV names; stages that add none hand the base's set on.
        env = ownEnv ??= new Set(base.env);
        ownEnv.add(pair.key.value);
      }
    }
    return { findings, carry: { env, scratch: base.scratch } };
  },
};
