// BuildKit check SecretsUsedInArgOrEnv: ARG values used by RUN end up in the image history and
// build provenance, ENV values in the image config, so names that look like secrets
// (…_TOKEN, PASSWORD, API_KEY, …) are reported.
// Unlike BuildKit, GPG/PGP key names are left alone: by convention they hold the fingerprint of a
// public signing key used to verify downloads (GPG_KEY in the official python images), not a secret.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  secretArg: {
    en: (p: { name: string }) =>
      `ARG ${p.name} looks like a secret: ARG values used by RUN are recorded in docker history and in build ` +
      'provenance. Pass it with RUN --mount=type=secret instead.',
    ko: (p) =>
      `ARG ${p.name}: 이름으로 보아 시크릿을 담는 변수 같습니다. RUN에서 쓰인 ARG 값은 docker history와 빌드 출처 증명(provenance)에 기록됩니다. RUN ` +
      '--mount=type=secret으로 넘기세요.',
  },
  secretEnv: {
    en: (p: { name: string }) =>
      `ENV ${p.name} looks like a secret: ENV values are stored in the image config and set in every container ` +
      'started from it. Use RUN --mount=type=secret during the build, or pass the value when the container ' +
      'starts.',
    ko: (p) =>
      `ENV ${p.name}: 이름으로 보아 시크릿을 담는 변수 같습니다. ENV 값은 이미지 설정에 저장되고, 이 이미지로 시작하는 모든 컨테이너에 설정됩니다. 빌드에는 RUN ` +
      '--mount=type=secret을 쓰고, 실행에 필요하면 컨테이너를 시작할 때 넘기세요.',
  },
});

const SECRET_WORDS = [
  'apikey',
  'auth',
  'credential',
  'credentials',
  'key',
  'password',
  'pword',
  'passwd',
  'secret',
  'token',
];
const ALLOWED_WORDS = ['public', 'file', 'version', 'gpg', 'pgp'];
const wordPattern = (words: string[]): RegExp => new RegExp(`(?:_|^)(?:${words.join('|')})(?:_|$)`, 'i');
const SECRET = wordPattern(SECRET_WORDS);
const ALLOWED = wordPattern(ALLOWED_WORDS);

function looksLikeSecret(name: string): boolean {
  return SECRET.test(name) && !ALLOWED.test(name);
}

export const SecretsUsedInArgOrEnv: InstructionRule = {
  code: 'SecretsUsedInArgOrEnv',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('secrets-used-in-arg-or-env'),
  description: text(
    'Sensitive data should not be passed in ARG or ENV.',
    '민감한 데이터는 ARG나 ENV로 넘기지 않습니다.',
  ),
  messages,
  category: 'buildkit',
  equivalents: [
    { tool: 'buildkit', id: 'SecretsUsedInArgOrEnv' },
    { tool: 'hadolint', id: 'DL3064' },
    { tool: 'droast', id: 'DF013', note: 'ENV only, matching words anywhere in the instruction' },
    { tool: 'droast', id: 'DF014', note: 'only names given a literal value' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nARG GITHUB_TOKEN\n', range: '1:4-1:16' }],
    valid: ['FROM alpine\nARG PUBLIC_KEY\nENV GPG_KEY=A1B2\nARG TOKENIZER=x\n'],
  },
  check(instruction) {
    if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return [];
    return (instruction.pairs ?? [])
      .filter((pair) => looksLikeSecret(pair.key.value))
      .map((pair) => ({
        range: pair.key.range,
        message:
          instruction.keyword === 'ARG'
            ? messages.secretArg({ name: pair.key.value })
            : messages.secretEnv({ name: pair.key.value }),
      }));
  },
};
