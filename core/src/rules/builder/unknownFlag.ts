// A flag the instruction does not have: `docker build` stops with "Unknown flag".
import { flagOf, flagsAreRead, flagsOf } from '../../parser';
import type { Finding, InstructionRule } from '../rule';
import { referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  unknownFlag: {
    en: (p: { keyword: string; name: string; hint: string; hintKo: string }) =>
      `${p.keyword} has no flag --${p.name}; the build stops here.${p.hint}`,
    ko: (p) => `${p.keyword}에는 --${p.name} 플래그가 없어 빌드가 여기서 멈춥니다.${p.hintKo}`,
  },
});

export const unknownFlag: InstructionRule = {
  code: 'unknown-flag',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('overview'),
  description: text('An instruction has a flag it does not accept.', '명령어가 받지 않는 플래그가 있습니다.'),
  messages,
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nCOPY --form=build /a /b\n', range: '1:7-1:11' }],
    valid: ['FROM alpine\nCOPY --from=build /a /b\n'],
  },
  check(instruction) {
    if (!flagsAreRead(instruction.keyword, instruction.healthcheckMode?.value)) return [];
    // Each unknown name once, where it is first used (the build stops at the first anyway):
    // `RUN --x --x ...` 100,000 times is one finding, not 100,000.
    let reported: Set<string> | undefined;
    const findings: Finding[] = [];
    for (const flag of instruction.flags) {
      if (flagOf(instruction.keyword, flag.name) || reported?.has(flag.name)) continue;
      (reported ??= new Set()).add(flag.name);
      const { hint, hintKo } = accepted(
        instruction.keyword,
        flagsOf(instruction.keyword).map((spec) => spec.name),
      );
      findings.push({
        range: flag.nameRange,
        message: messages.unknownFlag({ keyword: instruction.keyword, name: flag.name, hint, hintKo }),
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
