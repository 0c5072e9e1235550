import type { Stage } from '../../model';
import type { DocumentRule } from '../rule';
import { defineMessages } from '../messages';
import { BEST_PRACTICES } from './support';

const messages = defineMessages({
  noUser: {
    en: () =>
      'No USER is set in the final stage or the stages it builds on, so containers run as the base image’s ' +
      'user, which is root for most images. Create an unprivileged user and add USER after the steps that need ' +
      'root.',
    ko: () =>
      '마지막 스테이지와 그 바탕 스테이지 어디에도 USER가 없어, 컨테이너가 베이스 이미지의 사용자(대부분 root)로 ' +
      '실행됩니다. 권한 없는 사용자를 만들고 root가 필요한 단계 뒤에 USER를 추가하세요.',
  },
});

/** Images built to run as an unprivileged user already (distroless `:nonroot`, rootless variants). */
const NON_ROOT_IMAGE = /nonroot|non-root|rootless/i;

/**
 * Tools an entrypoint uses to drop from root to another user at start-up (the official images'
 * pattern: set up as root, then `exec gosu user "$@"`); an image that installs one is left alone.
 */
const DROPS_PRIVILEGES = /\b(gosu|su-exec|setpriv)\b/;

/** Whether a RUN or COPY of the stage brings in a privilege-dropping tool (kept with the stage's record). */
const bringsPrivilegeDropper = (stage: Stage): boolean =>
  stage.instructions.some(
    (instruction) =>
      (instruction.keyword === 'RUN' || instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
      DROPS_PRIVILEGES.test(instruction.argsText),
  );

export const finalStageWithoutUser: DocumentRule = {
  scope: 'document',
  code: 'FinalStageWithoutUser',
  severity: 'info',
  offByDefault: true,
  docs: `${BEST_PRACTICES}#user`,
  description: {
    en:
      'Without a USER, the image runs as its base image’s user, usually root; FinalStageUserRoot covers a USER ' +
      'root left at the end.',
    ko: 'USER가 없으면 이미지는 베이스 이미지의 사용자(대개 root)로 실행됩니다. 끝에 남은 USER root는 FinalStageUserRoot가 다룹니다.',
  },
  messages,
  category: 'security',
  equivalents: [{ tool: 'droast', id: 'DF020', note: 'any USER in the file counts, and only with CMD or ENTRYPOINT' }],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN apt-get update\nCMD ["bash"]\n', range: '0:0-0:14' }],
    valid: [
      'FROM debian:12\nRUN useradd -r app\nUSER app\nCMD ["bash"]\n',
      'FROM debian:12 AS base\nUSER 1000\nFROM base\nCMD ["bash"]\n',
      'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n',
      'FROM docker:dind-rootless\nCOPY app /app\n',
      'FROM debian:12\nRUN apt-get update && apt-get install -y gosu\nENTRYPOINT ["/entrypoint.sh"]\n',
    ],
  },
  check({ stages }) {
    const final = stages[stages.length - 1];
    // A USER anywhere in the chain of stages (the inherited state carries it) counts; a USER root is
    // FinalStageUserRoot's to report.
    if (!final || final.handsDown.user !== undefined) return [];
    let root = final;
    for (let stage: Stage | undefined = final; stage; stage = stage.baseStage) {
      if (stage.summary(bringsPrivilegeDropper)) return [];
      root = stage;
    }
    // The base image's config says whom it runs as, when known; else its name may tell.
    const image = final.handsDown.image;
    if (
      image
        ? !/^(root|0)?(:.*)?$/.test(image.user.trim())
        : NON_ROOT_IMAGE.test(root.resolvedBaseImage ?? root.baseImage)
    )
      return [];
    return [{ range: final.from.range, message: messages.noUser() }];
  },
};
