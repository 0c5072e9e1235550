// The same single-valued flag twice: `docker build` rejects it ("Duplicate flag specified").
import { type Flag, flagOf, flagsAreRead } from '../../parser';
import type { Finding, InstructionRule } from '../rule';
import { referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  givenTwice: {
    en: (p: { name: string; keyword: string }) =>
      `--${p.name} is given more than once; ${p.keyword} accepts it only once.`,
    ko: (p) => `--${p.name} 플래그가 여러 번 나옵니다. ${p.keyword}에서는 한 번만 쓸 수 있습니다.`,
  },
  givenManyTimes: {
    en: (p: { name: string; count: number; keyword: string }) =>
      `--${p.name} is given ${p.count} times; ${p.keyword} accepts it only once.`,
    ko: (p) => `--${p.name} 플래그가 ${p.count}번 나옵니다. ${p.keyword}에서는 한 번만 쓸 수 있습니다.`,
  },
});

export const duplicateFlag: InstructionRule = {
  code: 'duplicate-flag',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('overview'),
  description: text('A flag that may appear once is given twice.', '한 번만 쓸 수 있는 플래그가 두 번 나옵니다.'),
  messages,
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nCOPY --chown=1 --chown=2 a /b\n', range: '1:15-1:24' }],
    valid: ['FROM alpine\nCOPY --exclude=a --exclude=b . /b\n'],
  },
  check(instruction) {
    if (!flagsAreRead(instruction.keyword, instruction.healthcheckMode?.value)) return [];
    // Per name: how often it is given, and where it is given the second time (the finding's place).
    const uses = new Map<string, { count: number; second: Flag | undefined }>();
    for (const flag of instruction.flags) {
      const spec = flagOf(instruction.keyword, flag.name);
      if (spec === undefined || spec.repeatable) continue;
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
            ? messages.givenTwice({ name, keyword: instruction.keyword })
            : messages.givenManyTimes({ name, count, keyword: instruction.keyword }),
      });
    }
    return findings;
  },
};
