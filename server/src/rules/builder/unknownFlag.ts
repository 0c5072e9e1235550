// A flag the instruction does not have: `docker build` stops with "Unknown flag".
import type { Finding, InstructionRule } from '../rule';
import { referenceDocs, text } from '../support';
import { flagsAreRead, flagSpec } from './flagSpecs';

export const unknownFlag: InstructionRule = {
  code: 'unknown-flag',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('overview'),
  description: text('An instruction has a flag it does not accept.', '명령어가 받지 않는 플래그가 있습니다.'),
  check(instruction) {
    if (!flagsAreRead(instruction.keyword, instruction.healthcheckMode?.value)) return [];
    const spec = flagSpec(instruction.keyword);
    const known = Object.keys(spec);
    const hint = known.length > 0 ? ` ${instruction.keyword} accepts: ${known.map((k) => `--${k}`).join(', ')}.` : ` ${instruction.keyword} takes no flags.`;
    const hintKo = known.length > 0 ? ` ${instruction.keyword}에서 쓸 수 있는 플래그: ${known.map((k) => `--${k}`).join(', ')}.` : ` ${instruction.keyword}에는 플래그가 없습니다.`;
    // Each unknown name once, where it is first used (the build stops at the first anyway):
    // `RUN --x --x ...` 100,000 times is one finding, not 100,000.
    const reported = new Set<string>();
    const findings: Finding[] = [];
    for (const flag of instruction.flags) {
      if (flag.name in spec || reported.has(flag.name)) continue;
      reported.add(flag.name);
      findings.push({
        range: flag.nameRange,
        message: text(`${instruction.keyword} has no flag --${flag.name}; the build stops here.${hint}`, `${instruction.keyword}에는 --${flag.name} 플래그가 없어 빌드가 여기서 멈춥니다.${hintKo}`),
      });
    }
    return findings;
  },
};
