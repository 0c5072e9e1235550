// An ARG declared well before its first use: every RUN in between gets the ARG as environment,
// so a new value for it rebuilds those RUNs although they never read it.
import { predefinedArg } from '../../model';
import type { Instruction, KeyValue } from '../../parser';
import { defineMessages } from '../messages';
import type { Finding, StageRule } from '../rule';
import { moveInstruction } from './instructionEdits';

const messages = defineMessages({
  declaredEarly: {
    en: (p: { name: string; count: number }) =>
      `ARG ${p.name} is first used further down: the ${p.count === 1 ? 'RUN' : `${p.count} RUNs`} between here and ` +
      `there ${p.count === 1 ? 'sees' : 'see'} it as environment, so a new value rebuilds ` +
      `${p.count === 1 ? 'it' : 'them'} too. Declare it just before its first use.`,
    ko: (p) =>
      `ARG ${p.name}은(는) 더 아래에서 처음 쓰입니다. 그 사이의 RUN ${p.count}개도 이 값을 환경 변수로 받아 값이 바뀌면 다시 빌드됩니다. 처음 쓰는 곳 바로 앞에서 선언하세요.`,
  },
  firstUse: {
    en: (p: { name: string }) => `The first use of ${p.name}`,
    ko: (p) => `${p.name}을(를) 처음 쓰는 곳`,
  },
  moveDown: {
    en: (p: { name: string }) => `Move ARG ${p.name} down to its first use`,
    ko: (p) => `ARG ${p.name}을(를) 처음 쓰는 곳 앞으로 옮기기`,
  },
});

export const argDeclaredEarly: StageRule = {
  code: 'ArgDeclaredEarly',
  severity: 'hint',
  scope: 'stage',
  messages,
  docs: 'https://docs.docker.com/reference/dockerfile/#impact-on-build-caching',
  description: {
    en:
      'An ARG is declared long before its first use: ' +
      'RUN instructions in between are rebuilt whenever its value changes.',
    ko: 'ARG를 처음 사용하는 곳보다 훨씬 앞에서 선언해, 그 사이의 RUN이 값이 바뀔 때마다 다시 빌드됩니다.',
  },
  category: 'cache',
  equivalents: [],
  examples: {
    invalid: [
      {
        dockerfile:
          'FROM alpine\nARG VERSION=1.2\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n' +
          'RUN echo "$VERSION" > /version\n',
        range: '1:4-1:11',
      },
    ],
    valid: [
      'ARG VERSION=1\nFROM alpine\nRUN apk add curl\nRUN echo $VERSION\n',
      'FROM alpine\nARG TARGETARCH\nRUN apk add curl\nRUN echo $TARGETARCH\n',
    ],
  },
  check(stage, { lines }): Finding[] {
    const findings: Finding[] = [];
    const instructions = stage.instructions;
    // One backward pass: the next instruction that names each variable, and RUNs counted so far.
    const nextUse = new Map<string, number>();
    const runsFrom: number[] = new Array<number>(instructions.length + 1).fill(0);
    const pending: { index: number; firstUse: Map<string, number> }[] = [];
    for (let index = instructions.length - 1; index >= 0; index--) {
      const instruction = instructions[index]!;
      runsFrom[index] = runsFrom[index + 1]! + (instruction.keyword === 'RUN' ? 1 : 0);
      if (instruction.keyword === 'ARG')
        pending.push({
          index,
          firstUse: new Map((instruction.pairs ?? []).map((p) => [p.key.value, nextUse.get(p.key.value) ?? -1])),
        });
      for (const variable of instruction.variables) nextUse.set(variable.name, index);
      if (instruction.keyword === 'ARG') for (const pair of instruction.pairs ?? []) nextUse.set(pair.key.value, index);
    }
    for (const { index, firstUse } of pending.reverse()) {
      const instruction = instructions[index]!;
      const pairs = instruction.pairs ?? [];
      for (const pair of pairs) {
        const name = pair.key.value;
        const useIndex = firstUse.get(name) ?? -1;
        const use = instructions[useIndex];
        // Proxy and platform args are outside the cache key or change everything anyway.
        if (!use || predefinedArg(name) || redeclares(use, name)) continue;
        const count = runsFrom[index + 1]! - runsFrom[useIndex]!;
        if (count === 0) continue;
        findings.push(finding(instruction, pair, use, count, pairs.length === 1 && !valueHasVariables(pair), lines));
      }
    }
    return findings;
  },
};

function finding(
  instruction: Instruction,
  pair: KeyValue,
  firstUse: Instruction,
  count: number,
  movable: boolean,
  lines: readonly string[],
): Finding {
  const name = pair.key.value;
  return {
    range: pair.key.range,
    instruction,
    message: messages.declaredEarly({ name, count }),
    related: [{ range: firstUse.keywordRange, message: messages.firstUse({ name }) }],
    fixes: movable
      ? [
          {
            title: messages.moveDown({ name }),
            edits: moveInstruction(instruction, firstUse.range.start.line, lines),
          },
        ]
      : undefined,
  };
}

/** A later `ARG NAME` starts a new declaration: the earlier one was never used. */
function redeclares(instruction: Instruction, name: string): boolean {
  return instruction.keyword === 'ARG' && (instruction.pairs ?? []).some((p) => p.key.value === name);
}

function valueHasVariables(pair: KeyValue): boolean {
  return pair.value?.raw.includes('$') ?? false;
}
