// BuildKit check UndefinedArgInFrom: FROM may only use ARGs declared before the first FROM
// (and the platform ARGs the builder predefines).
import { predefinedArg } from '../../model';
import type { Finding, StageRule } from '../rule';
import { suggestName } from '../suggest';
import { buildCheckDocs, text } from '../support';

export const UndefinedArgInFrom: StageRule = {
  code: 'UndefinedArgInFrom',
  kind: 'build-check',
  scope: 'stage',
  severity: 'warning',
  docs: buildCheckDocs('undefined-arg-in-from'),
  description: text(
    'FROM should only use ARGs declared before the first FROM.',
    'FROM에는 첫 FROM 앞에서 선언한 ARG만 씁니다.',
  ),
  check({ stage, facts }) {
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
        message: text(
          `FROM uses $${reference.name}, which no ARG before the first FROM declares${guess ? ` (did you mean $${guess}?)` : ''}.`,
          `FROM에서 쓰는 $${reference.name}는 첫 FROM 앞의 어떤 ARG에서도 선언되지 않았습니다${guess ? ` ($${guess}을(를) 뜻했나요?)` : ''}.`,
        ),
      });
    }
    return findings;
  },
};
