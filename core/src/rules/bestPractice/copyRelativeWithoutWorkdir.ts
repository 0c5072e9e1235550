import { processedCopyPaths } from '../../parser';
import type { Finding, StageRule } from '../rule';
import { stageWordExpander } from '../wordExpander';
import { BEST_PRACTICES } from './support';
import { defineMessages } from '../messages';

/** Absolute on Linux or Windows, or left to a variable we cannot see. */
const NOT_RELATIVE = /^([/\\$~]|[A-Za-z]:)/;

/** Reads from the model whether a WORKDIR is set (here or in a stage this one builds on). */
const messages = defineMessages({
  relativeDestination: {
    en: (p: { path: string; keyword: string }) =>
      `${p.path} is relative, and no WORKDIR is set in this stage, so where the files land depends on the base ` +
      `image. Add a WORKDIR before this ${p.keyword} or use an absolute path.`,
    ko: (p) =>
      `${p.path}는 상대 경로인데 이 스테이지에 WORKDIR가 없어, 파일 위치가 베이스 이미지에 따라 달라집니다. 이 ${p.keyword} 앞에 WORKDIR를 두거나 절대 경로를 쓰세요.`,
  },
});

export const copyRelativeWithoutWorkdir: StageRule = {
  scope: 'stage',
  messages,
  code: 'CopyRelativeWithoutWorkdir',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#workdir`,
  description: {
    en:
      'A relative COPY or ADD destination is resolved against the WORKDIR; ' +
      'without one in the stage it depends on whatever the base image set.',
    ko: 'COPY·ADD의 상대 경로 대상은 WORKDIR 기준으로 풀립니다. 스테이지에 WORKDIR가 없으면 베이스 이미지가 정한 값에 따라 달라집니다.',
  },
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3045' },
    { tool: 'droast', id: 'DF063' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM node:20\nCOPY package.json app/\n', range: '1:18-1:22' }],
    valid: ['FROM node:20\nWORKDIR /app\nCOPY package.json app/\n', 'FROM node:20\nCOPY x "/usr/local/bin/x"\n'],
  },
  check(stage, model) {
    const findings: Finding[] = [];
    const escape = model.facts.escapeChar;
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      if (stage.before(instruction).workdir !== undefined) continue;
      const expand = stageWordExpander(stage, instruction, escape);
      const { destination } = processedCopyPaths(instruction, escape, expand);
      if (!destination) continue;
      // The builder reads the expanded value; one starting with a reference we cannot expand is left alone.
      const path = destination.expanded ?? destination.value;
      if (NOT_RELATIVE.test(path)) continue;
      findings.push({
        range: destination.range,
        message: messages.relativeDestination({ path: destination.word.raw, keyword: instruction.keyword }),
      });
    }
    return findings;
  },
};
