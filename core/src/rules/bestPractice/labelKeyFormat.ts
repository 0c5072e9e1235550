// Docker accepts any LABEL key, but its label guidelines keep keys from colliding and tools able
// to read them: lower-case letters, digits, `.` and `-` (with `_` and `/` also allowed), starting
// with a letter, no doubled separators, and hands off the namespaces Docker reserves for itself.
import type { Instruction } from '../../parser';
import { defineMessages } from '../messages';
import type { Finding, InstructionRule } from '../rule';
import { hasVariable } from '../support';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

type Problem = 'reserved' | 'uppercase' | 'characters' | 'ends' | 'doubled';

const messages = defineMessages({
  reserved: {
    en: (p: { key: string; namespace: string }) =>
      `Label key "${p.key}" is in the ${p.namespace}* namespace, which Docker reserves for its own use. Use the ` +
      `reverse DNS name of a domain you own (for example com.example.${p.key.slice(p.namespace.length)}).`,
    ko: (p) =>
      `레이블 키 "${p.key}"는 Docker가 내부용으로 예약한 ${p.namespace}* 네임스페이스에 있습니다. 소유한 도메인의 역방향 DNS 이름을 쓰세요` +
      `(예: com.example.${p.key.slice(p.namespace.length)}).`,
  },
  uppercase: {
    en: (p: { key: string }) =>
      `Label key "${p.key}" has upper-case letters; Docker's label guidelines ask for lower case ` +
      `(${p.key.toLowerCase()}).`,
    ko: (p) =>
      `레이블 키 "${p.key}"에 대문자가 있습니다. Docker 레이블 지침은 소문자를 권장합니다(${p.key.toLowerCase()}).`,
  },
  characters: {
    en: (p: { key: string }) =>
      `Label key "${p.key}" has characters other than letters, digits, ".", "-", "_" and "/", which tools that ` +
      `filter labels may not handle.`,
    ko: (p) =>
      `레이블 키 "${p.key}"에 문자, 숫자, ".", "-", "_", "/" 외의 문자가 있어 레이블로 필터링하는 도구가 다루지 못할 수 있습니다.`,
  },
  ends: {
    en: (p: { key: string }) =>
      `Label key "${p.key}" should start with a letter and end with a letter or digit, as Docker's label ` +
      `guidelines ask.`,
    ko: (p) => `레이블 키 "${p.key}"는 Docker 레이블 지침대로 문자로 시작하고 문자나 숫자로 끝나야 합니다.`,
  },
  doubled: {
    en: (p: { key: string }) =>
      `Label key "${p.key}" has two separators in a row ("..", "--"); Docker's label guidelines ask for one.`,
    ko: (p) =>
      `레이블 키 "${p.key}"에 구분자가 연달아 있습니다("..", "--"). Docker 레이블 지침은 하나만 쓰도록 합니다.`,
  },
});

function problemOf(key: string): Problem | undefined {
  if (RESERVED.some((namespace) => key.toLowerCase().startsWith(namespace))) return 'reserved';
  if (/[^A-Za-z0-9._/-]/.test(key)) return 'characters';
  if (/[A-Z]/.test(key)) return 'uppercase';
  if (!/^[a-z]/.test(key) || !/[a-z0-9]$/.test(key)) return 'ends';
  if (key.includes('..') || key.includes('--')) return 'doubled';
  return undefined;
}

function findings(instruction: Instruction): Finding[] {
  const found: Finding[] = [];
  for (const pair of instruction.pairs ?? []) {
    const key = pair.key.value;
    if (key === '' || hasVariable(pair.key.raw)) continue;
    const problem = problemOf(key);
    if (!problem) continue;
    const namespace = RESERVED.find((prefix) => key.toLowerCase().startsWith(prefix)) ?? '';
    const message = problem === 'reserved' ? messages.reserved({ key, namespace }) : messages[problem]({ key });
    found.push({ range: pair.key.range, message });
  }
  return found;
}

export const labelKeyFormat: InstructionRule = {
  scope: 'instruction',
  code: 'LabelKeyFormat',
  severity: 'info',
  docs: 'https://docs.docker.com/engine/manage-resources/labels/#key-format-recommendations',
  description: {
    en:
      "A LABEL key breaks Docker's label key guidelines: a reserved namespace (com.docker., io.docker., " +
      'org.dockerproject.), upper case, unusual characters, or doubled separators.',
    ko:
      'LABEL 키가 Docker의 레이블 키 지침을 어깁니다. 예약된 네임스페이스(com.docker., io.docker., ' +
      'org.dockerproject.), 대문자, 특이한 문자, 연달은 구분자입니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [{ tool: 'hadolint', id: 'DL3048' }],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine:3.20\nLABEL com.docker.version=1.0\n', range: '1:6-1:24' }],
    valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.0 maintainer=team@example.com\n'],
  },
  check(instruction) {
    return instruction.keyword === 'LABEL' ? findings(instruction) : [];
  },
};
