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
    // Each unknown name once, where it is first used (the build stops at the first anyway):
    // `RUN --x --x ...` 100,000 times is one finding, not 100,000.
    let reported: Set<string> | undefined;
    const findings: Finding[] = [];
    for (const flag of instruction.flags) {
      if (flag.name in spec || reported?.has(flag.name)) continue;
      (reported ??= new Set()).add(flag.name);
      const { hint, hintKo } = accepted(instruction.keyword, Object.keys(spec));
      findings.push({
        range: flag.nameRange,
        message: text(
          `${instruction.keyword} has no flag --${flag.name}; the build stops here.${hint}`,
          `${instruction.keyword}에는 --${flag.name} 플래그가 없어 빌드가 여기서 멈춥니다.${hintKo}`,
        ),
      });
    }
    return findings;
  },
};

/** The flags an instruction accepts, for the message (made only when there is a finding). */
function accepted(keyword: string, known: readonly string[]): { hint: string; hintKo: string } {
  const list = known.map((k) => `--${k}`).join(', ');
  return known.length > 0
    ? { hint: ` ${keyword} accepts: ${list}.`, hintKo: ` ${keyword}에서 쓸 수 있는 플래그: ${list}.` }
    : { hint: ` ${keyword} takes no flags.`, hintKo: ` ${keyword}에는 플래그가 없습니다.` };
}
