import type { Instruction } from '../../parser';
import type { Finding, StageRule } from '../rule';
import { hasOption } from '../../shell';
import { aptGetCalls, aptSettings } from './aptGet';
import { memoFindings } from './instructionMemo';
import { BEST_PRACTICES, callRange, insertAfter } from './support';

/** An APT::Install-Recommends setting written by the instruction (an apt.conf.d file), not an option. */
function setsInstallRecommends(instruction: Instruction): boolean {
  const written = instruction.heredocs.map((heredoc) => heredoc.content).join('\n') + instruction.argsText;
  return /install-recommends/i.test(written.replace(/--(no-)?install-recommends/g, ''));
}

const checkRun = memoFindings((instruction: Instruction): Finding[] =>
  aptGetCalls(instruction, ['install'])
    .filter(
      (call) =>
        !hasOption(
          call.line,
          'no-install-recommends',
          'install-recommends',
          's',
          'simulate',
          'just-print',
          'dry-run',
          'recon',
          'no-act',
        ) && !aptSettings(call).has('apt::install-recommends'),
    )
    .map((call) => ({
      range: callRange(call),
      message: {
        en: 'apt-get install pulls in recommended packages too. Add --no-install-recommends and list what you need.',
        ko: 'apt-get install이 권장 패키지까지 함께 설치합니다. --no-install-recommends를 추가하고 필요한 패키지만 적으세요.',
      },
      fixes: [
        insertAfter(call.subcommand!, '--no-install-recommends', {
          en: 'Add --no-install-recommends',
          ko: '--no-install-recommends 추가',
        }),
      ],
    })),
);

/** Carries whether an earlier RUN or COPY (here or in a stage this one builds on) configured APT::Install-Recommends. */
export const aptGetInstallWithRecommends: StageRule<boolean> = {
  code: 'AptGetInstallWithoutNoInstallRecommends',
  scope: 'stage',
  severity: 'info',
  initial: false,
  docs: `${BEST_PRACTICES}#apt-get`,
  description: {
    en: 'apt-get install also installs "recommended" packages unless told not to; --no-install-recommends keeps the image smaller.',
    ko: 'apt-get install은 따로 막지 않으면 "권장" 패키지까지 설치합니다. --no-install-recommends를 쓰면 이미지가 작아집니다.',
  },
  check({ stage, inherited, shipped }) {
    const findings: Finding[] = [];
    let configured = inherited;
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'RUN' && instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      // A RUN that writes its own setting has decided already, for itself and what follows.
      if (setsInstallRecommends(instruction)) configured = true;
      if (instruction.keyword === 'RUN' && !instruction.exec && shipped && !configured)
        findings.push(...checkRun(instruction));
    }
    return { findings, carry: configured };
  },
};
