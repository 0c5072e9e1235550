// BuildKit check SecretsUsedInArgOrEnv: ARG and ENV values end up in the image metadata or
// history, so names that look like secrets (…_TOKEN, PASSWORD, API_KEY, …) are reported.
// Unlike BuildKit, GPG/PGP key names are left alone: by convention they hold the fingerprint of a
// public signing key used to verify downloads (GPG_KEY in the official python images), not a secret.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, text } from '../support';

const SECRET_WORDS = ['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token'];
const ALLOWED_WORDS = ['public', 'file', 'version', 'gpg', 'pgp'];
const wordPattern = (words: string[]): RegExp => new RegExp(`(?:_|^)(?:${words.join('|')})(?:_|$)`, 'i');
const SECRET = wordPattern(SECRET_WORDS);
const ALLOWED = wordPattern(ALLOWED_WORDS);

export function looksLikeSecret(name: string): boolean {
  return SECRET.test(name) && !ALLOWED.test(name);
}

export const SecretsUsedInArgOrEnv: InstructionRule = {
  code: 'SecretsUsedInArgOrEnv',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('secrets-used-in-arg-or-env'),
  description: text('Sensitive data should not be passed in ARG or ENV.', '민감한 데이터는 ARG나 ENV로 넘기지 않습니다.'),
  check(instruction) {
    if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return [];
    return (instruction.pairs ?? [])
      .filter((pair) => looksLikeSecret(pair.key.value))
      .map((pair) => ({
        range: pair.key.range,
        message: text(
          `${instruction.keyword} ${pair.key.value} looks like a secret; ${instruction.keyword} values stay readable in the image. Pass it with RUN --mount=type=secret instead.`,
          `${instruction.keyword} ${pair.key.value}는 비밀 값으로 보입니다. ${instruction.keyword} 값은 이미지에 그대로 남으므로 RUN --mount=type=secret으로 넘깁니다.`,
        ),
      }));
  },
};
