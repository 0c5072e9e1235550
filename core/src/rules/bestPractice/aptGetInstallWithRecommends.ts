import type { Instruction } from '../../parser';
import type { Finding } from '../rule';
import { hasOption } from '../../shell';
import { aptGetCalls, aptSettings } from './aptGet';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, callRange, insertAfter } from './support';
import { defineMessages } from '../messages';

const checkRun = (instruction: Instruction): Finding[] =>
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
    }));

const messages = defineMessages({
  recommends: {
    en: () => 'apt-get install pulls in recommended packages too. Add --no-install-recommends and list what you need.',
    ko: () =>
      'apt-get install이 권장 패키지까지 함께 설치합니다. --no-install-recommends를 추가하고 필요한 패키지만 적으세요.',
  },
});

export const aptGetInstallWithRecommends = shellRunRule(
  {
    code: 'AptGetInstallWithoutNoInstallRecommends',
    messages,
    severity: 'info',
    docs: `${BEST_PRACTICES}#apt-get`,
    description: {
      en:
        'apt-get install also installs "recommended" packages unless told not to; ' +
        '--no-install-recommends keeps the image smaller.',
      ko: 'apt-get install은 따로 막지 않으면 "권장" 패키지까지 설치합니다. --no-install-recommends를 쓰면 이미지가 작아집니다.',
    },
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3015' },
      { tool: 'droast', id: 'DF016' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM debian:12\nRUN apt-get install -y curl\n', range: '1:4-1:19' },
        { dockerfile: 'FROM debian:12\nRUN <<EOF\napt-get install -y curl\nEOF\n', range: '2:0-2:15' },
      ],
      valid: [
        'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
        'FROM debian:12\nRUN <<EOF\napt-get install -y --no-install-recommends curl\nEOF\n',
      ],
    },
  },
  checkRun,
  {
    shippedOnly: true,
    // A RUN or COPY that wrote an APT::Install-Recommends setting (here or in a stage this one
    // builds on) has decided already; the model tracks it.
    skip: (run) => run.after.aptInstallRecommendsConfigured,
  },
);
