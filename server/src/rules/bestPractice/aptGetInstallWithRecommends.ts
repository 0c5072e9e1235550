import type { Finding } from '../rule';
import { shippedRunRule } from './imageStages';
import { hasOption } from '../../shell';
import { aptGetCalls, aptSettings } from './aptGet';
import { BEST_PRACTICES, callRange, insertAfter } from './support';

export const aptGetInstallWithRecommends = shippedRunRule({
  code: 'AptGetInstallWithoutNoInstallRecommends',
  severity: 'info',
  docs: `${BEST_PRACTICES}#apt-get`,
  description: {
    en: 'apt-get install also installs "recommended" packages unless told not to; --no-install-recommends keeps the image smaller.',
    ko: 'apt-get install은 따로 막지 않으면 "권장" 패키지까지 설치합니다. --no-install-recommends를 쓰면 이미지가 작아집니다.',
  },
}, (instruction): Finding[] => {
    // A RUN that writes its own APT::Install-Recommends setting has decided already.
    if (/install-recommends/i.test(instruction.argsText.replace(/--(no-)?install-recommends/g, ''))) return [];
    return aptGetCalls(instruction, ['install'])
      .filter((call) => !hasOption(call.line, 'no-install-recommends', 'install-recommends', 's', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act') && !aptSettings(call).has('apt::install-recommends'))
      .map((call) => ({
        range: callRange(call),
        message: {
          en: 'apt-get install pulls in recommended packages too. Add --no-install-recommends and list what you need.',
          ko: 'apt-get install이 권장 패키지까지 함께 설치합니다. --no-install-recommends를 추가하고 필요한 패키지만 적으세요.',
        },
        fixes: [insertAfter(call.subcommand!, '--no-install-recommends', { en: 'Add --no-install-recommends', ko: '--no-install-recommends 추가' })],
      }));
});
