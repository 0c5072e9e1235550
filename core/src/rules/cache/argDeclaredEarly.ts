// An ARG declared well before its first use: every RUN in between gets the ARG as environment,
// so a new value for it rebuilds those RUNs although they never read it.
import { predefinedArg } from '../../model';
import type { Instruction, KeyValue } from '../../parser';
import type { Finding, StageContext, StageRule } from '../rule';
import { moveInstruction } from './instructionEdits';

export const argDeclaredEarly: StageRule = {
  code: 'ArgDeclaredEarly',
  severity: 'hint',
  scope: 'stage',
  positional: true,
  docs: 'https://docs.docker.com/reference/dockerfile/#impact-on-build-caching',
  description: {
    en: 'An ARG is declared long before its first use: RUN instructions in between are rebuilt whenever its value changes.',
    ko: 'ARG를 처음 사용하는 곳보다 훨씬 앞에서 선언해, 그 사이의 RUN이 값이 바뀔 때마다 다시 빌드됩니다.',
  },
  check({ stage, lines }: StageContext<unknown>): Finding[] {
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
  const used = firstUse.range.start.line + 1;
  return {
    range: pair.key.range,
    instruction,
    message: {
      en: `ARG ${name} is first used on line ${used}: the ${count === 1 ? 'RUN' : `${count} RUNs`} between here and there ${count === 1 ? 'sees' : 'see'} it as environment, so a new value rebuilds ${count === 1 ? 'it' : 'them'} too. Declare it just before its first use.`,
      ko: `ARG ${name}은(는) ${used}행에서 처음 쓰입니다. 그 사이의 RUN ${count}개도 이 값을 환경 변수로 받아 값이 바뀌면 다시 빌드됩니다. 처음 쓰는 곳 바로 앞에서 선언하세요.`,
    },
    fixes: movable
      ? [
          {
            title: { en: `Move ARG ${name} down to line ${used}`, ko: `ARG ${name}을(를) ${used}행 앞으로 옮기기` },
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
