// `USER app`: Kubernetes' runAsNonRoot must tell from the image alone that the user is not root,
// and a name means nothing until /etc/passwd is read inside the container, so the kubelet refuses
// to start it ("image has non-numeric user, cannot verify user is non-root"). `USER 10001` (or
// `10001:10001`) works everywhere. Off by default: only clusters that enforce it care.
import type { Stage } from '../../model';
import { defineMessages } from '../messages';
import type { DocumentRule } from '../rule';
import { hasVariable, referenceDocs } from '../support';

const messages = defineMessages({
  nameNotId: {
    en: (p: { user: string }) =>
      `The image runs as "${p.user}", a name: Kubernetes' runAsNonRoot cannot tell from the image that it is not ` +
      `root and refuses to start the container. Give the numeric UID (for example USER 10001:10001).`,
    ko: (p) =>
      `이미지가 이름인 "${p.user}"로 실행됩니다. Kubernetes의 runAsNonRoot는 이미지만 보고 root가 아님을 확인할 수 없어 ` +
      `컨테이너를 시작하지 않습니다. 숫자 UID를 쓰세요(예: USER 10001:10001).`,
  },
});

/** The USER the final stage runs as, set here or in a stage it builds on; undefined when it has none. */
const finalUser = (stage: Stage) => stage.handsDown.userSetBy;

/** Windows containers name users (ContainerUser) and Kubernetes checks them with runAsUserName instead. */
const windows = (stage: Stage): boolean =>
  !stage.handsDown.shell.posix || /windows|nanoserver|servercore/i.test(stage.resolvedBaseImage ?? stage.baseImage);

export const nonNumericUser: DocumentRule = {
  scope: 'document',
  code: 'NonNumericUser',
  severity: 'info',
  offByDefault: true,
  docs: referenceDocs('user'),
  description: {
    en:
      'The final USER is a name, not a numeric UID: Kubernetes with runAsNonRoot cannot verify it is not root and ' +
      'will not start the container.',
    ko: '마지막 USER가 숫자 UID가 아닌 이름입니다. runAsNonRoot를 쓰는 Kubernetes는 root가 아님을 확인할 수 없어 컨테이너를 시작하지 않습니다.',
  },
  messages,
  category: 'security',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN useradd app\nUSER app\n', range: '2:5-2:8' }],
    valid: ['FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001\n'],
  },
  check({ stages }) {
    const final = stages[stages.length - 1];
    const instruction = final?.summary(finalUser);
    const word = instruction?.args[0];
    if (!final || !instruction || !word || hasVariable(word.value) || windows(final)) return [];
    const user = word.value.trim().split(':')[0] ?? '';
    // root is FinalStageUserRoot's finding; a number is what runAsNonRoot needs.
    if (user === '' || user === 'root' || /^\d+$/.test(user)) return [];
    return [{ range: word.range, instruction, message: messages.nameNotId({ user }) }];
  },
};
