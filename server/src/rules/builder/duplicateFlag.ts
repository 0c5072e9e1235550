// The same single-valued flag twice: `docker build` rejects it ("Duplicate flag specified").
import type { Finding, InstructionRule } from '../rule';
import { referenceDocs, text } from '../support';
import { flagsAreRead, flagSpec } from './flagSpecs';

export const duplicateFlag: InstructionRule = {
  code: 'duplicate-flag',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('overview'),
  description: text('A flag that may appear once is given twice.', '한 번만 쓸 수 있는 플래그가 두 번 나옵니다.'),
  check(instruction) {
    if (!flagsAreRead(instruction.keyword, instruction.healthcheckMode?.value)) return [];
    const spec = flagSpec(instruction.keyword);
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const flag of instruction.flags) {
      const kind = spec[flag.name];
      if (kind === undefined || kind === 'list') continue;
      if (seen.has(flag.name)) {
        findings.push({
          range: flag.range,
          message: text(`--${flag.name} is given more than once; ${instruction.keyword} accepts it only once.`, `--${flag.name} 플래그가 여러 번 나옵니다. ${instruction.keyword}에서는 한 번만 쓸 수 있습니다.`),
        });
      }
      seen.add(flag.name);
    }
    return findings;
  },
};
