import type { DocumentRule, Finding } from '../rule';
import { runShell, type ShellCommand } from '../../shell';
import { forEachWithShell } from './stageShell';
import type { Stage } from '../../model';
import { BEST_PRACTICES } from './support';

const TOOLS = ['curl', 'wget'];

export const curlAndWget: DocumentRule = {
  scope: 'document',
  code: 'CurlAndWget',
  severity: 'info',
  docs: `${BEST_PRACTICES}#run`,
  description: {
    en: 'A stage that downloads with both curl and wget needs both tools in its image; one of them is enough.',
    ko: '한 스테이지에서 curl과 wget을 모두 쓰면 두 도구가 다 이미지에 있어야 합니다. 하나로 충분합니다.',
  },
  check({ model }) {
    const findings: Finding[] = [];
    // The first unconditional call of each tool in the current stage.
    let stage: Stage | undefined;
    let first = new Map<string, ShellCommand>();
    forEachWithShell(model, (instruction, shell, owner) => {
      if (owner !== stage) {
        stage = owner;
        first = new Map();
      }
      if (instruction.keyword !== 'RUN' || !shell.posix) return;
      const view = runShell(instruction);
      if (!view || view.error) return;
      for (const command of view.commands) {
        // `if command -v curl ...; else wget ...; fi` and `curl ... || wget ...` pick one tool: fine.
        if (!command.program || !TOOLS.includes(command.program) || command.inControlFlow || command.before === '||' || command.after === '||') continue;
        if (first.has(command.program)) continue;
        first.set(command.program, command);
        const other = TOOLS.find((tool) => tool !== command.program)!;
        const earlier = first.get(other);
        if (!earlier) continue;
        findings.push({
          range: command.name.range,
          message: {
            en: `This stage already downloads with ${other} (line ${earlier.range.start.line + 1}). Use one tool for both downloads so the image needs only one.`,
            ko: `이 스테이지는 이미 ${other}로 내려받습니다(${earlier.range.start.line + 1}번째 줄). 한 도구로 통일하면 이미지에 하나만 있으면 됩니다.`,
          },
        });
      }
    });
    return findings;
  },
};
