import type { Instruction } from '../../parser';
import type { Finding, StageRule } from '../rule';
import { hasOption } from '../../shell';
import { aptGetCalls, aptSettings } from './aptGet';
import { memoFindings } from './instructionMemo';
import { BEST_PRACTICES, callRange, insertAfter } from './support';
import { defineMessages } from '../messages';

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
      message: messages.recommends(),
      fixes: [
        insertAfter(call.subcommand!, '--no-install-recommends', {
          en: 'Add --no-install-recommends',
          ko: '--no-install-recommends 추가',
        }),
      ],
    })),
);

/**
 * Reads from the model whether a RUN or COPY (here or in a stage this one builds on) configured
 * APT::Install-Recommends.
 */
const messages = defineMessages({
  recommends: {
    en: () => 'apt-get install pulls in recommended packages too. Add --no-install-recommends and list what you need.',
    ko: () =>
      'apt-get install이 권장 패키지까지 함께 설치합니다. --no-install-recommends를 추가하고 필요한 패키지만 적으세요.',
  },
});

export const aptGetInstallWithRecommends: StageRule = {
  code: 'AptGetInstallWithoutNoInstallRecommends',
  scope: 'stage',
  messages,
  severity: 'info',
  docs: `${BEST_PRACTICES}#apt-get`,
  description: {
    en: 'apt-get install also installs "recommended" packages unless told not to; --no-install-recommends keeps the image smaller.',
    ko: 'apt-get install은 따로 막지 않으면 "권장" 패키지까지 설치합니다. --no-install-recommends를 쓰면 이미지가 작아집니다.',
  },
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3015' },
    { tool: 'droast', id: 'DF016' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN apt-get install -y curl\n', range: '1:4-1:19' }],
    valid: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n'],
  },
  check(stage) {
    const findings: Finding[] = [];
    if (!stage.shipped) return findings;
    for (const instruction of stage.instructions) {
      // A RUN that writes its own setting has decided already, for itself and what follows.
      if (
        instruction.keyword === 'RUN' &&
        !instruction.exec &&
        !stage.after(instruction).aptInstallRecommendsConfigured
      )
        findings.push(...checkRun(instruction));
    }
    return findings;
  },
};
