import type { DocumentRule } from '../rule';
import { BEST_PRACTICES } from './support';

const ROOT = /^(root|0)(:.*)?$/;

export const finalStageUserRoot: DocumentRule = {
  scope: 'document',
  code: 'FinalStageUserRoot',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#user`,
  description: {
    en: 'The image runs as the last USER of its final stage; ending on USER root gives every container root rights.',
    ko: '이미지는 마지막 스테이지의 마지막 USER로 실행됩니다. USER root로 끝나면 모든 컨테이너가 root 권한으로 돕니다.',
  },
  check({ stages }) {
    const final = stages[stages.length - 1];
    if (!final) return [];
    let lastUser;
    for (const instruction of final.instructions) if (instruction.keyword === 'USER') lastUser = instruction;
    const user = lastUser?.args[0];
    if (!lastUser || !user || !ROOT.test(user.value.trim())) return [];
    return [
      {
        range: user.range,
        message: {
          en: 'The final stage switches to root and never back, so containers from this image run as root. Add a USER with an unprivileged user after the steps that need root.',
          ko: '마지막 스테이지가 root로 바꾼 뒤 되돌리지 않아 이 이미지의 컨테이너가 root로 실행됩니다. root가 필요한 단계 뒤에 권한 없는 사용자로 USER를 추가하세요.',
        },
      },
    ];
  },
};
