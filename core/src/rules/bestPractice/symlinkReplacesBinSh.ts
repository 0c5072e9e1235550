// `ln -sf /bin/bash /bin/sh` swaps the shell every program that calls /bin/sh gets (system
// scripts and package hooks included), not just the Dockerfile's RUN steps. SHELL changes only
// the shell RUN, CMD and ENTRYPOINT's shell forms use, and says so where readers look.
import { readCommandLine, runShell } from '../../shell';
import { defineMessages } from '../messages';
import type { Finding, InstructionRule } from '../rule';
import { referenceDocs } from '../support';

const BIN_SH = new Set(['/bin/sh', '/usr/bin/sh']);

const messages = defineMessages({
  replacesSh: {
    en: (p: { target: string }) =>
      `This link replaces ${p.target} for every program in the image, not only for RUN. To run RUN steps with ` +
      `another shell, use SHELL (for example SHELL ["/bin/bash", "-c"]).`,
    ko: (p) =>
      `이 링크는 RUN만이 아니라 이미지 안의 모든 프로그램에 대해 ${p.target}를 바꿉니다. RUN을 다른 셸로 실행하려면 ` +
      `SHELL을 쓰세요(예: SHELL ["/bin/bash", "-c"]).`,
  },
});

export const symlinkReplacesBinSh: InstructionRule = {
  scope: 'instruction',
  code: 'SymlinkReplacesBinSh',
  severity: 'warning',
  docs: referenceDocs('shell'),
  description: {
    en: 'RUN links another shell over /bin/sh, which changes the shell of every program in the image; use SHELL.',
    ko: 'RUN이 /bin/sh 자리에 다른 셸을 링크해 이미지의 모든 프로그램이 쓰는 셸을 바꿉니다. SHELL을 쓰세요.',
  },
  messages,
  category: 'best-practice',
  equivalents: [{ tool: 'hadolint', id: 'DL4005' }],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n', range: '1:4-1:28' }],
    valid: ['FROM debian:12\nRUN ln -sf /bin/bash /usr/local/bin/sh\nSHELL ["/bin/bash", "-c"]\n'],
  },
  check(instruction) {
    const shell = runShell(instruction);
    if (!shell || shell.error) return [];
    const findings: Finding[] = [];
    for (const command of shell.commands) {
      if (command.program !== 'ln') continue;
      const line = readCommandLine(command, { shortWithValue: 'St', longWithValue: ['suffix', 'target-directory'] });
      const link = line.operands[line.operands.length - 1];
      // `ln -s /bin/bash /bin/sh`: the last operand is the link; with one operand there is no link name.
      if (line.operands.length < 2 || !link?.value || !BIN_SH.has(link.value)) continue;
      findings.push({ range: command.range, message: messages.replacesSh({ target: link.value }) });
    }
    return findings;
  },
};
