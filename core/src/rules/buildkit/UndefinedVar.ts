// BuildKit check UndefinedVar: a variable the builder expands (ENV, COPY, WORKDIR, RUN flags,
// ...) that nothing defines at that point. A stage built on an external image also sees the
// image's ENV: when its config is known (local engine or recorded facts) its variables are
// defined and any other name is reported, as BuildKit does; when it is not, only likely typos (a
// close defined name) are. `${X:-...}`-style references deal with an unset X on purpose and are skipped.
import { BUILDER_EXPANDED, type Stage } from '../../model';
import { comparePositions, type Instruction, type VariableReference } from '../../parser';
import { defineMessages } from '../messages';
import type { Finding, StageRule } from '../rule';
import { suggestName } from '../suggest';
import { buildCheckDocs, rangeWithin, text } from '../support';

/** The variable the builder always sets (on Linux it adds a default PATH when the image has none). */
const ALWAYS_SET = ['PATH'];
/** Variables the builder always sets, or handles itself. */
const ALWAYS_DEFINED = new Set([...ALWAYS_SET, 'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const HANDLES_UNSET = new Set([':-', '-', ':+', '+', ':?', '?']);

const messages = defineMessages({
  undefined: {
    en: (p: { name: string }) => `$${p.name} is not defined at this point, so it expands to an empty string.`,
    ko: (p) => `$${p.name}는 이 시점에 정의되어 있지 않아 빈 문자열로 바뀝니다.`,
  },
  undefinedGuess: {
    en: (p: { name: string; guess: string }) =>
      `$${p.name} is not defined at this point, so it expands to an empty string (did you mean $${p.guess}?).`,
    ko: (p) => `$${p.name}는 이 시점에 정의되어 있지 않아 빈 문자열로 바뀝니다 ($${p.guess}을(를) 뜻했나요?).`,
  },
});

/** The ENV names a stage inherits, oldest first (kept with the stage's record). */
const inheritedEnvNames = (stage: Stage): string[] => [...stage.inherited.env.entries().keys()];

/**
 * The names visible before `instruction`, to suggest from: the ENV the stage inherits, then its
 * own ENV, then its own ARG and ENV, then the names the builder always sets (BuildKit suggests
 * from the environment, where PATH always is; the first close one wins a tie).
 */
function namesBefore(stage: Stage, instruction: Instruction): string[] {
  const line = instruction.range.start.line;
  const own = stage.definitions.filter((definition) => definition.instruction!.range.start.line < line);
  const env = new Set(stage.summary(inheritedEnvNames));
  for (const definition of own) if (definition.kind === 'env') env.add(definition.name);
  return [...env, ...new Set(own.map((definition) => definition.name)), ...ALWAYS_SET];
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
 * Names are visible as the model scopes them (the stage's resolved references): the ENV of the
 * stages this one builds on, then the stage's own ARG and ENV from the instruction after them on;
 * the shell of RUN and the like also gets the proxy args.
 */
export const UndefinedVar: StageRule = {
  code: 'UndefinedVar',
  kind: 'build-check',
  scope: 'stage',
  messages,
  severity: 'warning',
  docs: buildCheckDocs('undefined-var'),
  description: text('Variables should be defined before they are used.', '변수는 쓰기 전에 정의합니다.'),
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'UndefinedVar' }],
  examples: {
    invalid: [
      { dockerfile: 'FROM scratch\nCOPY $SRC /\n', range: '1:5-1:9' },
      { dockerfile: 'FROM alpine\nENV PATH=/opt/bin:$PAHT\n', range: '1:18-1:23' },
      { dockerfile: 'FROM node:22\nWORKDIR /app/$APP_DIR\n', range: '1:13-1:21' },
    ],
    valid: [
      'FROM scratch\nARG SRC\nCOPY $SRC ${DEST:-/} \nRUN echo $UNSET\nENV PATH=$PATH:/x\n',
      'FROM node:22\nWORKDIR /opt/node-$NODE_VERSION\n',
      'FROM example.com/unknown:1\nWORKDIR /app/$APP_DIR\n',
    ],
  },
  check(stage) {
    const findings: Finding[] = [];
    for (const { reference, instruction, definition } of stage.references) {
      // The model resolves the name where it is written (proxy args included where the shell sees them).
      if (definition || instruction.keyword === 'FROM') continue;
      const { name } = reference;
      if (reference.inHeredoc || reference.malformed || name === '') continue;
      if (ALWAYS_DEFINED.has(name) || (reference.modifier && HANDLES_UNSET.has(reference.modifier))) continue;
      if (!expandedByBuilder(instruction, reference) || definedEarlierInSameArg(instruction, reference)) continue;
      const guess = suggestName(name, namesBefore(stage, instruction));
      // A stage built on an image whose ENV is not known: only likely typos are reported.
      if (!guess && !stage.inherited.scratch && !stage.inherited.image) continue;
      findings.push({
        range: reference.range,
        message: guess ? messages.undefinedGuess({ name, guess }) : messages.undefined({ name }),
      });
    }
    return findings;
  },
};
