// A flag the instruction does not have: `docker build` stops with "Unknown flag".
import { flagOf, flagsAreRead, flagsOf } from '../../parser';
import type { Finding, InstructionRule } from '../rule';
import { referenceDocs, text } from '../support';
import { type CatalogMessage, defineMessages } from '../messages';

const messages = defineMessages({
  /** `accepted`: the flags the instruction does accept, as `--a, --b`. */
  unknownFlag: {
    en: (p: { keyword: string; name: string; accepted: string }) =>
      `${p.keyword} has no flag --${p.name}; the build stops here. ${p.keyword} accepts: ${p.accepted}.`,
    ko: (p) =>
      `${p.keyword}에는 --${p.name} 플래그가 없어 빌드가 여기서 멈춥니다. ` +
      `${p.keyword}에서 쓸 수 있는 플래그: ${p.accepted}.`,
  },
  flagsNotAccepted: {
    en: (p: { keyword: string; name: string }) =>
      `${p.keyword} has no flag --${p.name}; the build stops here. ${p.keyword} takes no flags.`,
    ko: (p) => `${p.keyword}에는 --${p.name} 플래그가 없어 빌드가 여기서 멈춥니다. ${p.keyword}에는 플래그가 없습니다.`,
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
      reported ??= new Set();
      reported.add(flag.name);
      findings.push({ range: flag.nameRange, message: unknownFlagMessage(instruction.keyword, flag.name) });
    }
    return findings;
  },
};

/** The message, naming the flags the instruction accepts (made only when there is a finding). */
function unknownFlagMessage(keyword: string, name: string): CatalogMessage {
  const known = flagsOf(keyword).map((spec) => `--${spec.name}`);
  return known.length > 0
    ? messages.unknownFlag({ keyword, name, accepted: known.join(', ') })
    : messages.flagsNotAccepted({ keyword, name });
}
