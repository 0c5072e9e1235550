import type { Finding, StageRule } from '../rule';
import { runShell } from '../../shell';
import type { Instruction, Range } from '../../parser';
import { instructionMemo } from './instructionMemo';
import { DEFAULT_SHELL, sameShell, shellRuns, type StageShell } from './stageShell';
import { BEST_PRACTICES } from './support';

const TOOLS = ['curl', 'wget'];

interface ToolUse {
  program: string;
  range: Range;
}

/** Unconditional curl and wget calls of one RUN: `if command -v curl ...; else wget ...; fi` and `curl ... || wget ...` pick one tool, which is fine. */
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

export const curlAndWget: StageRule<StageShell> = {
  scope: 'stage',
  initial: DEFAULT_SHELL,
  sameCarry: sameShell,
  positional: true,
  code: 'CurlAndWget',
  severity: 'info',
  docs: `${BEST_PRACTICES}#run`,
  description: {
    en: 'A stage that downloads with both curl and wget needs both tools in its image; one of them is enough.',
    ko: '한 스테이지에서 curl과 wget을 모두 쓰면 두 도구가 다 이미지에 있어야 합니다. 하나로 충분합니다.',
  },
  check({ stage, inherited }) {
    const findings: Finding[] = [];
    // The first unconditional call of each tool in the stage.
    const first = new Map<string, ToolUse>();
    const { runs, shell: carry } = shellRuns(stage, inherited);
    for (const { instruction, shell } of runs) {
      if (!shell.posix) continue;
      for (const use of toolUses(instruction)) {
        if (first.has(use.program)) continue;
        first.set(use.program, use);
        const other = TOOLS.find((tool) => tool !== use.program)!;
        const earlier = first.get(other);
        if (!earlier) continue;
        findings.push({
          range: use.range,
          message: {
            en: `This stage already downloads with ${other} (line ${earlier.range.start.line + 1}). Use one tool for both downloads so the image needs only one.`,
            ko: `이 스테이지는 이미 ${other}로 내려받습니다(${earlier.range.start.line + 1}번째 줄). 한 도구로 통일하면 이미지에 하나만 있으면 됩니다.`,
          },
        });
      }
    }
    return { findings, carry };
  },
};
