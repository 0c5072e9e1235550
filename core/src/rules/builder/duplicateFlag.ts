// The same single-valued flag twice: `docker build` rejects it ("Duplicate flag specified").
import type { Flag } from '../../parser';
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
    // Per name: how often it is given, and where it is given the second time (the finding's place).
    const uses = new Map<string, { count: number; second: Flag | undefined }>();
    for (const flag of instruction.flags) {
      const kind = spec[flag.name];
      if (kind === undefined || kind === 'list') continue;
      const use = uses.get(flag.name);
      if (!use) uses.set(flag.name, { count: 1, second: undefined });
      else {
        use.count++;
        use.second ??= flag;
      }
    }
    // One finding per name, however often it is repeated (50,000 `--chmod` are one mistake).
    const findings: Finding[] = [];
    for (const flag of instruction.flags) {
      const use = uses.get(flag.name);
      if (use?.second !== flag) continue;
      const { name } = flag;
      const { count } = use;
      findings.push({
        range: flag.range,
        message:
          count === 2
            ? text(
                `--${name} is given more than once; ${instruction.keyword} accepts it only once.`,
                `--${name} 플래그가 여러 번 나옵니다. ${instruction.keyword}에서는 한 번만 쓸 수 있습니다.`,
              )
            : text(
                `--${name} is given ${count} times; ${instruction.keyword} accepts it only once.`,
                `--${name} 플래그가 ${count}번 나옵니다. ${instruction.keyword}에서는 한 번만 쓸 수 있습니다.`,
              ),
      });
    }
    return findings;
  },
};
