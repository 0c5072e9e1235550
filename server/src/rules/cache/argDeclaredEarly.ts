// An ARG declared well before its first use: every RUN in between gets the ARG as environment,
// so a new value for it rebuilds those RUNs although they never read it.
import { predefinedArg } from '../../model';
import type { Instruction, KeyValue } from '../../parser';
import type { DocumentRule, Finding, RuleContext } from '../rule';
import { moveInstruction } from './instructionEdits';

export const argDeclaredEarly: DocumentRule = {
  code: 'ArgDeclaredEarly',
  severity: 'hint',
  scope: 'document',
  docs: 'https://docs.docker.com/reference/dockerfile/#impact-on-build-caching',
  description: {
    en: 'An ARG is declared long before its first use: RUN instructions in between are rebuilt whenever its value changes.',
    ko: 'ARG를 처음 사용하는 곳보다 훨씬 앞에서 선언해, 그 사이의 RUN이 값이 바뀔 때마다 다시 빌드됩니다.',
  },
  check({ model, lines }: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const stage of model.stages) {
      const instructions = stage.instructions;
      instructions.forEach((instruction, index) => {
        if (instruction.keyword !== 'ARG') return;
        const pairs = instruction.pairs ?? [];
        for (const pair of pairs) {
          const name = pair.key.value;
          // Proxy and platform args are outside the cache key or change everything anyway.
          if (predefinedArg(name)) continue;
          const firstUse = instructions.slice(index + 1).find((later) => later.variables.some((v) => v.name === name) || redeclares(later, name));
          if (!firstUse || redeclares(firstUse, name)) continue;
          const runsBetween = instructions.slice(index + 1, instructions.indexOf(firstUse)).filter((i) => i.keyword === 'RUN');
          if (runsBetween.length === 0) continue;
          const declared = instruction.range.start.line + 1;
          const used = firstUse.range.start.line + 1;
          const count = runsBetween.length;
          const movable = pairs.length === 1 && !valueHasVariables(pair);
          findings.push({
            range: pair.key.range,
            instruction,
            message: {
              en: `ARG ${name} is declared on line ${declared} but first used on line ${used}. The ${count === 1 ? 'RUN' : `${count} RUN instructions`} in between ${count === 1 ? 'sees' : 'see'} it as an environment variable, so a new value (--build-arg ${name}=...) rebuilds ${count === 1 ? 'it' : 'them'} too. Declare it just before its first use.`,
              ko: `ARG ${name}을(를) ${declared}행에서 선언했지만 처음 사용하는 곳은 ${used}행입니다. 그 사이의 RUN ${count}개가 이 값을 환경 변수로 받기 때문에 값이 바뀌면(--build-arg ${name}=...) 이 RUN들도 다시 빌드됩니다. 처음 사용하는 곳 바로 앞에서 선언하세요.`,
            },
            fixes: movable
              ? [{ title: { en: `Move ARG ${name} down to line ${used}`, ko: `ARG ${name}을(를) ${used}행 앞으로 옮기기` }, edits: moveInstruction(instruction, firstUse.range.start.line, lines) }]
              : undefined,
          });
        }
      });
    }
    return findings;
  },
};

/** A later `ARG NAME` starts a new declaration: the earlier one was never used. */
function redeclares(instruction: Instruction, name: string): boolean {
  return instruction.keyword === 'ARG' && (instruction.pairs ?? []).some((p) => p.key.value === name);
}

function valueHasVariables(pair: KeyValue): boolean {
  return pair.value?.raw.includes('$') ?? false;
}
