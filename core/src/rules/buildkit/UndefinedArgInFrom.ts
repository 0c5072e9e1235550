// BuildKit check UndefinedArgInFrom: FROM may only use ARGs declared before the first FROM
// (and the platform ARGs the builder predefines).
import { predefinedArg } from '../../model';
import type { Finding, StageRule } from '../rule';
import { suggestName } from '../suggest';
import { buildCheckDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  undeclared: {
    en: (p: { name: string }) => `FROM uses $${p.name}, which no ARG before the first FROM declares.`,
    ko: (p) => `FROM에서 쓰는 $${p.name}는 첫 FROM 앞의 어떤 ARG에서도 선언되지 않았습니다.`,
  },
  undeclaredGuess: {
    en: (p: { name: string; guess: string }) =>
      `FROM uses $${p.name}, which no ARG before the first FROM declares (did you mean $${p.guess}?).`,
    ko: (p) =>
      `FROM에서 쓰는 $${p.name}는 첫 FROM 앞의 어떤 ARG에서도 선언되지 않았습니다 ($${p.guess}을(를) 뜻했나요?).`,
  },
});

export const UndefinedArgInFrom: StageRule = {
  code: 'UndefinedArgInFrom',
  kind: 'build-check',
  scope: 'stage',
  messages,
  severity: 'warning',
  docs: buildCheckDocs('undefined-arg-in-from'),
  description: text(
    'FROM should only use ARGs declared before the first FROM.',
    'FROM에는 첫 FROM 앞에서 선언한 ARG만 씁니다.',
  ),
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'UndefinedArgInFrom' }],
  examples: {
    invalid: [{ dockerfile: 'ARG VERSION=1\nFROM alpine:${VERSON}\n', range: '1:12-1:21' }],
    valid: ['ARG VERSION=1\nFROM --platform=$BUILDPLATFORM alpine:${VERSION}\n'],
  },
  check(stage, { facts }) {
    const declared = new Set(facts.globalArgs.map((definition) => definition.name));
    const findings: Finding[] = [];
    // One finding per name and FROM, as BuildKit reports it (and a FROM that repeats a name
    // 100,000 times stays one finding).
    const reported = new Set<string>();
    for (const reference of stage.from.variables) {
      if (
        declared.has(reference.name) ||
        predefinedArg(reference.name) ||
        reference.name === '' ||
        reported.has(reference.name)
      )
        continue;
      reported.add(reference.name);
      const guess = suggestName(reference.name, declared);
      findings.push({
        range: reference.range,
        message: guess
          ? messages.undeclaredGuess({ name: reference.name, guess })
          : messages.undeclared({ name: reference.name }),
      });
    }
    return findings;
  },
};
