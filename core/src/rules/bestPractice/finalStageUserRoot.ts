import { processWord } from '../../parser';
import type { DocumentRule } from '../rule';
import { BEST_PRACTICES } from './support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  endsAsRoot: {
    en: () =>
      'The final stage switches to root and never back, so containers from this image run as root. Add a USER ' +
      'with an unprivileged user after the steps that need root.',
    ko: () =>
      '마지막 스테이지가 root로 바꾼 뒤 되돌리지 않아 이 이미지의 컨테이너가 root로 실행됩니다. root가 필요한 단계 뒤에 권한 없는 사용자로 USER를 추가하세요.',
  },
  inheritsRoot: {
    en: (p: { stage: string }) =>
      `The final stage is built on ${p.stage}, whose last USER is root, and never switches back, so containers ` +
      'from this image run as root. Add a USER with an unprivileged user to the final stage.',
    ko: (p) =>
      `마지막 스테이지가 마지막 USER가 root인 ${p.stage} 위에 만들어지고 되돌리지 않아 이 이미지의 컨테이너가 root로 ` +
      '실행됩니다. 마지막 스테이지에 권한 없는 사용자로 USER를 추가하세요.',
  },
  imageRunsAsRoot: {
    en: (p: { image: string; user: string }) =>
      `The base image ${p.image} runs as ${p.user} (its config's User) and no stage sets another USER, so ` +
      'containers from this image run as root. Add a USER with an unprivileged user to the final stage.',
    ko: (p) =>
      `베이스 이미지 ${p.image}가 ${p.user}로 실행되고(설정의 User) 어느 스테이지도 다른 USER를 정하지 않아 이 이미지의 ` +
      '컨테이너가 root로 실행됩니다. 마지막 스테이지에 권한 없는 사용자로 USER를 추가하세요.',
  },
});

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
  messages,
  category: 'security',
  equivalents: [
    { tool: 'hadolint', id: 'DL3002' },
    { tool: 'droast', id: 'DF002', note: 'flags every USER root, in any stage' },
  ],
  examples: {
    invalid: [
      { dockerfile: 'FROM debian:12\nUSER root\n', range: '1:5-1:9' },
      { dockerfile: 'FROM debian:12 AS base\nUSER root\nFROM base\nRUN true\n', range: '2:5-2:9' },
      { dockerfile: 'FROM gcr.io/distroless/static-debian12:latest\nCOPY app /app\n', range: '0:5-0:45' },
    ],
    valid: [
      'FROM debian:12\nUSER root\nRUN true\nUSER 1000\n',
      'FROM debian:12 AS base\nUSER root\nFROM base\nUSER 1000\n',
      'FROM debian:12 AS base\nUSER 1000\nFROM base\nRUN true\n',
      'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n',
      'FROM node:22\nCOPY app /app\n',
    ],
  },
  check({ stages, facts }) {
    const final = stages[stages.length - 1];
    if (!final) return [];
    // The USER in effect where the final stage ends, followed through the stages it is built on.
    const lastUser = final.handsDown.userSetBy;
    // No USER anywhere: the base image's config decides, when known ('' is Docker's default, root,
    // which FinalStageWithoutUser covers; a config that names root is reported here).
    const image = final.handsDown.image;
    if (!lastUser && image && ROOT.test(image.user.trim()) && final.from.image)
      return [
        {
          range: final.from.image.range,
          message: messages.imageRunsAsRoot({ image: image.reference, user: image.user }),
        },
      ];
    const user = lastUser?.args[0];
    if (!lastUser || !user || !ROOT.test(processWord(user, facts.escapeChar, false).value.trim())) return [];
    if (final.instructions.includes(lastUser)) return [{ range: user.range, message: messages.endsAsRoot() }];
    // Set in a stage the final one is built on: reported on the final FROM's base name.
    const base = final.from.image;
    return base ? [{ range: base.range, message: messages.inheritsRoot({ stage: base.value }) }] : [];
  },
};
