import type { Finding, StageRule } from '../rule';
import { runShell } from '../../shell';
import type { Instruction, Range } from '../../parser';
import { instructionMemo } from './instructionMemo';
import { defineMessages } from '../messages';
import { shellRuns } from './stageShell';
import { BEST_PRACTICES } from './support';

const TOOLS = ['curl', 'wget'];

interface ToolUse {
  program: string;
  range: Range;
}

/**
 * Unconditional curl and wget calls of one RUN: `if command -v curl ...; else wget ...; fi`
 * and `curl ... || wget ...` pick one tool, which is fine.
 */
const toolUses = instructionMemo(
  (instruction: Instruction): ToolUse[] => {
    const view = runShell(instruction);
    if (!view || view.error) return [];
    return view.commands
      .filter(
        (command) =>
          command.program &&
          TOOLS.includes(command.program) &&
          !command.inControlFlow &&
          command.before !== '||' &&
          command.after !== '||',
      )
      .map((command) => ({ program: command.program!, range: command.name.range }));
  },
  (uses, move) => uses.map((use) => ({ program: use.program, range: move(use.range) })),
);

const messages = defineMessages({
  bothTools: {
    en: (p: { other: string }) =>
      `This stage already downloads with ${p.other}. Use one tool for both downloads so the image needs only one.`,
    ko: (p) => `이 스테이지는 이미 ${p.other}로 내려받습니다. 한 도구로 통일하면 이미지에 하나만 있으면 됩니다.`,
  },
  earlierCall: {
    en: (p: { other: string }) => `The first download with ${p.other}`,
    ko: (p) => `${p.other}로 처음 내려받는 곳`,
  },
});

export const curlAndWget: StageRule = {
  scope: 'stage',
  messages,
  code: 'CurlAndWget',
  severity: 'info',
  docs: `${BEST_PRACTICES}#run`,
  description: {
    en: 'A stage that downloads with both curl and wget needs both tools in its image; one of them is enough.',
    ko: '한 스테이지에서 curl과 wget을 모두 쓰면 두 도구가 다 이미지에 있어야 합니다. 하나로 충분합니다.',
  },
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL4001' },
    { tool: 'droast', id: 'DF058' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN curl -O https://a/x\nRUN wget https://a/y\n', range: '2:4-2:8' }],
    valid: ['FROM debian:12\nRUN curl -O https://a/x || wget https://a/x\n'],
  },
  check(stage) {
    const findings: Finding[] = [];
    // The first unconditional call of each tool in the stage.
    const first = new Map<string, ToolUse>();
    for (const { instruction, shell } of shellRuns(stage)) {
      if (!shell.posix) continue;
      for (const use of toolUses(instruction)) {
        if (first.has(use.program)) continue;
        first.set(use.program, use);
        const other = TOOLS.find((tool) => tool !== use.program)!;
        const earlier = first.get(other);
        if (!earlier) continue;
        findings.push({
          range: use.range,
          message: messages.bothTools({ other }),
          related: [{ range: earlier.range, message: messages.earlierCall({ other }) }],
        });
      }
    }
    return findings;
  },
};
