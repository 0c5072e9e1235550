// `ENV A=2 B=$A`: the builder expands every value of one ENV before it sets any of them, so B gets
// A's value from before this ENV (or nothing), not 2. Separate ENV lines see each other's values.
import type { Stage, VariableDefinition } from '../../model';
import { comparePositions, type Instruction, type KeyValue, type VariableReference } from '../../parser';
import { defineMessages } from '../messages';
import type { Finding, StageRule } from '../rule';
import { rangeWithin, referenceDocs } from '../support';

const messages = defineMessages({
  oldValue: {
    en: (p: { name: string; old: string; value: string }) =>
      `$${p.name} here is still "${p.old}", its value from before this ENV, not "${p.value}": an ENV expands all ` +
      `its values before it sets any. Set ${p.name} in an ENV of its own above this one.`,
    ko: (p) =>
      `여기의 $${p.name}는 "${p.value}"가 아니라 이 ENV 이전의 값 "${p.old}"입니다. ENV는 값을 모두 펼친 뒤에 변수를 설정합니다. ` +
      `${p.name}를 이 줄 위의 별도 ENV에서 설정하세요.`,
  },
  unknownOldValue: {
    en: (p: { name: string; value: string }) =>
      `$${p.name} here keeps its value from before this ENV, not "${p.value}": an ENV expands all its values ` +
      `before it sets any. Set ${p.name} in an ENV of its own above this one.`,
    ko: (p) =>
      `여기의 $${p.name}는 "${p.value}"가 아니라 이 ENV 이전의 값입니다. ENV는 값을 모두 펼친 뒤에 변수를 설정합니다. ` +
      `${p.name}를 이 줄 위의 별도 ENV에서 설정하세요.`,
  },
  empty: {
    en: (p: { name: string; value: string }) =>
      `$${p.name} is empty here, not "${p.value}": an ENV expands all its values before it sets any, and ` +
      `${p.name} is not set before this ENV. Set ${p.name} in an ENV of its own above this one.`,
    ko: (p) =>
      `여기의 $${p.name}는 "${p.value}"가 아니라 빈 값입니다. ENV는 값을 모두 펼친 뒤에 변수를 설정하는데, 이 ENV 전에는 ` +
      `${p.name}가 없습니다. ${p.name}를 이 줄 위의 별도 ENV에서 설정하세요.`,
  },
});

/** `NAME=$NAME` or `NAME=${NAME}`: the pair keeps the value it had, so a later `$NAME` is the same either way. */
function keepsOwnValue(pair: KeyValue): boolean {
  const raw = pair.value?.raw.replace(/^"(.*)"$/, '$1');
  return raw === `$${pair.key.value}` || raw === `\${${pair.key.value}}`;
}

function check(stage: Stage, instruction: Instruction): Finding[] {
  const pairs = instruction.pairs ?? [];
  if (pairs.length < 2) return [];
  const findings: Finding[] = [];
  // The pairs set so far, by name (the last one wins); references and pairs both come in source order.
  const setBefore = new Map<string, KeyValue>();
  const references = instruction.variables;
  let next = 0;
  // What each name meant before this ENV, looked up once for all its references.
  let scope: ReadonlyMap<string, VariableDefinition> | undefined;
  for (const pair of pairs) {
    const value = pair.value;
    if (value) {
      while (next < references.length && comparePositions(references[next]!.range.start, value.range.start) < 0) next++;
      for (; next < references.length && rangeWithin(references[next]!.range, value.range); next++) {
        const reference = references[next]!;
        const earlier = setBefore.get(reference.name);
        if (!earlier || keepsOwnValue(earlier)) continue;
        scope ??= stage.scopeBefore(instruction);
        const finding = staleReference(scope, instruction, reference, earlier);
        if (finding) findings.push(finding);
      }
    }
    setBefore.set(pair.key.value, pair);
  }
  return findings;
}

function staleReference(
  scope: ReadonlyMap<string, VariableDefinition>,
  instruction: Instruction,
  reference: VariableReference,
  earlier: KeyValue,
): Finding | undefined {
  const name = reference.name;
  const value = earlier.value?.value ?? '';
  const before = scope.get(name);
  // `ARG V=1` then `ENV V=1 URL=/v$V`: the old value is the new one, so nothing changes.
  if (before?.value !== undefined && before.value === value) return undefined;
  const message =
    before === undefined
      ? messages.empty({ name, value })
      : before.value === undefined
        ? messages.unknownOldValue({ name, value })
        : messages.oldValue({ name, old: before.value, value });
  return { range: reference.range, instruction, message };
}

export const envUsesSameEnvName: StageRule = {
  scope: 'stage',
  code: 'EnvUsesSameEnvName',
  severity: 'warning',
  docs: referenceDocs('environment-replacement'),
  description: {
    en:
      'A value in ENV refers to a name set earlier in the same ENV: it gets the value from before the ' +
      'instruction, because one ENV expands all its values before it sets any.',
    ko: 'ENV의 값이 같은 ENV에서 앞서 설정한 이름을 참조합니다. ENV는 값을 모두 펼친 뒤에 설정하므로 이 참조는 이전 값을 받습니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    {
      tool: 'hadolint',
      id: 'DL3044',
      note: 'only names not set by an earlier ARG or ENV, and also references to names set later in the same ENV',
    },
  ],
  examples: {
    invalid: [
      { dockerfile: 'FROM alpine:3.20\nENV VERSION=2 URL=https://example.com/v$VERSION\n', range: '1:39-1:47' },
    ],
    valid: [
      'FROM alpine:3.20\nENV VERSION=2\nENV URL=https://example.com/v$VERSION\n',
      'FROM alpine:3.20\nARG VERSION=2\nENV VERSION=$VERSION URL=https://example.com/v$VERSION\n',
    ],
  },
  check(stage) {
    const findings: Finding[] = [];
    for (const instruction of stage.instructions)
      if (instruction.keyword === 'ENV') findings.push(...check(stage, instruction));
    return findings;
  },
};
