// BuildKit check WorkdirRelativePath: the first WORKDIR of a stage is relative, so the result
// depends on the base image's working directory. Later WORKDIRs build on the first one.
import { processedRest } from '../../parser';
import type { Finding, StageRule } from '../rule';
import { stageWordExpander } from '../wordExpander';
import { buildCheckDocs, text } from '../support';
import { defineMessages } from '../messages';

const ABSOLUTE = /^(\/|\\|[A-Za-z]:[\\/])/;

/** Reads from the model whether a WORKDIR was set in the stage or the stages it builds on. */
const messages = defineMessages({
  relative: {
    en: (p: { path: string }) =>
      `WORKDIR ${p.path} is relative to the base image's working directory, which can change with the image; start ` +
      `from an absolute path such as /app.`,
    ko: (p) =>
      `WORKDIR ${p.path}는 베이스 이미지의 작업 디렉터리를 기준으로 하므로 이미지가 바뀌면 결과도 달라집니다. /app 같은 절대 경로로 시작합니다.`,
  },
});

export const WorkdirRelativePath: StageRule = {
  code: 'WorkdirRelativePath',
  kind: 'build-check',
  scope: 'stage',
  messages,
  severity: 'warning',
  docs: buildCheckDocs('workdir-relative-path'),
  description: text(
    'A relative WORKDIR with no absolute WORKDIR before it depends on the base image.',
    '앞에 절대 경로 WORKDIR 없이 쓴 상대 경로 WORKDIR은 베이스 이미지에 따라 결과가 달라집니다.',
  ),
  category: 'buildkit',
  equivalents: [
    { tool: 'buildkit', id: 'WorkdirRelativePath' },
    { tool: 'hadolint', id: 'DL3000', note: 'flags every relative WORKDIR, even after an absolute one' },
    { tool: 'droast', id: 'DF009', note: 'flags every relative WORKDIR, even after an absolute one' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nWORKDIR app\n', range: '1:8-1:11' }],
    valid: ['FROM alpine AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n', 'FROM alpine\nWORKDIR "/usr/local"\n'],
  },
  check(stage, model) {
    const findings: Finding[] = [];
    const escape = model.facts.escapeChar;
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'WORKDIR' || stage.before(instruction).workdir !== undefined) continue;
      const path = processedRest(instruction, escape, stageWordExpander(stage, instruction, escape));
      if (!path) continue;
      // BuildKit judges the expanded path; a leading reference we cannot expand may be absolute.
      const judged = path.expanded ?? (path.value.startsWith('$') ? undefined : path.value);
      if (judged !== undefined && !ABSOLUTE.test(judged)) {
        findings.push({ range: path.range, message: messages.relative({ path: path.word.raw }) });
      }
    }
    return findings;
  },
};
