import type { Finding, StageRule } from '../rule';
import type { Instruction } from '../../parser';
import { runShell } from '../../shell';
import { defineMessages } from '../messages';
import { BEST_PRACTICES } from './support';

/**
 * A short, plain RUN (one or two commands, no control flow): such neighbours are the ones worth
 * joining. Long scripts next to each other are usually split on purpose, for the build cache.
 */
const smallRuns = new WeakMap<Instruction, boolean>();

function isSmallRun(instruction: Instruction): boolean {
  const known = smallRuns.get(instruction);
  if (known !== undefined) return known;
  const small = computeSmallRun(instruction);
  smallRuns.set(instruction, small);
  return small;
}

function computeSmallRun(instruction: Instruction): boolean {
  if (instruction.keyword !== 'RUN' || instruction.exec || instruction.heredocs.length > 0) return false;
  const shell = runShell(instruction);
  return (
    shell !== undefined &&
    !shell.error &&
    shell.commands.length <= 2 &&
    shell.commands.every((command) => !command.inControlFlow)
  );
}

function commentBetween(first: Instruction, second: Instruction, lines: readonly string[]): boolean {
  for (let line = first.range.end.line + 1; line < second.range.start.line; line++)
    if (lines[line]?.trimStart().startsWith('#')) return true;
  return false;
}

const flagsOf = (instruction: Instruction): string =>
  instruction.flags
    .map((flag) => flag.raw)
    .sort()
    .join(' ');

const messages = defineMessages({
  joinable: {
    en: () =>
      'This RUN follows another RUN with the same options. Joining them with && saves a layer, unless you keep ' +
      'them apart on purpose for the build cache.',
    ko: () =>
      '이 RUN은 옵션이 같은 RUN 바로 뒤에 있습니다. 빌드 캐시를 위해 일부러 나눈 것이 아니라면 &&로 합쳐 레이어를 줄일 수 있습니다.',
  },
  previousRun: {
    en: () => 'The RUN before it, with the same options',
    ko: () => '옵션이 같은 앞의 RUN',
  },
});

export const consecutiveRuns: StageRule = {
  scope: 'stage',
  messages,
  code: 'ConsecutiveRunInstructions',
  severity: 'info',
  docs: `${BEST_PRACTICES}#run`,
  description: {
    en: 'Each RUN makes a layer; short consecutive RUNs with the same options can be joined with && into one.',
    ko: 'RUN마다 레이어가 하나씩 생깁니다. 옵션이 같은 짧은 RUN이 이어지면 &&로 하나로 합칠 수 있습니다.',
  },
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3059' },
    { tool: 'droast', id: 'DF003', note: 'only from four RUNs in a row' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN mkdir /app\nRUN chown 1000 /app\n', range: '2:0-2:3' }],
    valid: ['FROM debian:12\nRUN mkdir /app\n# keep ownership apart\nRUN chown 1000 /app\n'],
  },
  check(stage, { lines }) {
    const findings: Finding[] = [];
    let previous: Instruction | undefined;
    for (const item of stage.instructions) {
      // A comment between two RUNs usually explains why they are apart.
      if (previous && commentBetween(previous, item, lines)) previous = undefined;
      const joinable = isSmallRun(item);
      if (joinable && previous && flagsOf(previous) === flagsOf(item)) {
        findings.push({
          range: item.keywordRange,
          message: messages.joinable(),
          related: [{ range: previous.keywordRange, message: messages.previousRun() }],
        });
      }
      previous = joinable ? item : undefined;
    }
    return findings;
  },
};
