// A flag the instruction does not have: `docker build` stops with "Unknown flag".
import type { InstructionRule } from '../rule';
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
    return instruction.flags
      .filter((flag) => !(flag.name in spec))
      .map((flag) => {
        const hint = known.length > 0 ? ` ${instruction.keyword} accepts: ${known.map((k) => `--${k}`).join(', ')}.` : ` ${instruction.keyword} takes no flags.`;
        const hintKo = known.length > 0 ? ` ${instruction.keyword}에서 쓸 수 있는 플래그: ${known.map((k) => `--${k}`).join(', ')}.` : ` ${instruction.keyword}에는 플래그가 없습니다.`;
        return {
          range: flag.nameRange,
          message: text(`${instruction.keyword} has no flag --${flag.name}; the build stops here.${hint}`, `${instruction.keyword}에는 --${flag.name} 플래그가 없어 빌드가 여기서 멈춥니다.${hintKo}`),
        };
      });
  },
};
