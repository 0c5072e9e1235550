import type { Finding, StageRule } from '../rule';
import { runShell, type ShellCommand, type ShellPipeline } from '../../shell';
import { shellRuns } from './stageShell';
import { memoFindings } from './instructionMemo';
import { BEST_PRACTICES } from './support';
import type { Instruction } from '../../parser';
import { defineMessages } from '../messages';

/** Producers that do not fail in practice. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', 'yes']);
/** Consumers that fail on empty or cut-off input, so a failed producer still fails the pipeline. */
const REJECTS_EMPTY_INPUT = new Set([
  'grep',
  'egrep',
  'fgrep',
  'tar',
  'gpg',
  'patch',
  'gunzip',
  'zcat',
  'xzcat',
  'bzcat',
  'unxz',
  'unzstd',
  'zstdcat',
]);

function rejectsEmptyInput(command: ShellCommand): boolean {
  const program = command.program ?? '';
  const args = command.args.map((arg) => arg.value ?? '');
  if (REJECTS_EMPTY_INPUT.has(program)) return true;
  // Checksum verification (`sha256sum -c -`) fails when the listed file is missing from its input.
  if (/^(sha\d+|md5|b2)sum$/.test(program))
    return args.some((arg) => arg === '-c' || arg === '--check' || /^-[a-z]*c/.test(arg));
  // Decompressors with -d fail on empty input.
  if (['xz', 'gzip', 'bzip2', 'zstd'].includes(program))
    return args.some((arg) => arg === '-d' || arg === '--decompress' || /^-[a-z]*d/.test(arg));
  // xargs: without -r it runs its command once with no arguments, which package and file tools
  // reject; with -r the author has said that an empty or partial list is expected (the official
  // images' `find -exec ldd | ... | xargs -r apt-mark manual`, where pipefail would break the build).
  if (program === 'xargs') return true;
  return false;
}

/** Whether a failure of an earlier command can go unnoticed in this pipeline. */
function canMaskFailure(pipeline: ShellPipeline, commands: readonly ShellCommand[]): boolean {
  const inside = commands.filter((command) => command.inPipeline && contains(pipeline, command));
  const last = inside[inside.length - 1];
  if (!last || inside.length < 2) return false;
  if (inside.slice(0, -1).every((command) => CANNOT_FAIL.has(command.program ?? ''))) return false;
  return !rejectsEmptyInput(last);
}

const contains = (pipeline: ShellPipeline, command: ShellCommand): boolean => {
  const { start, end } = pipeline.range;
  const s = command.range.start;
  const e = command.range.end;
  const after = s.line > start.line || (s.line === start.line && s.character >= start.character);
  const before = e.line < end.line || (e.line === end.line && e.character <= end.character);
  return after && before;
};

/** Pipelines of one RUN whose failure can be masked, ignoring the stage's SHELL (the rule checks that). */
const maskedPipelines = memoFindings((instruction: Instruction): Finding[] => {
  const view = runShell(instruction);
  if (!view || view.error) return [];
  const findings: Finding[] = [];
  for (const pipeline of view.pipelines) {
    // Output captured by $( ... ) is normally checked by the code that uses it.
    if (pipeline.pipefail || pipeline.inSubstitution || !canMaskFailure(pipeline, view.commands)) continue;
    findings.push({
      range: pipeline.range,
      message: messages.masked(),
    });
  }
  return findings;
});

const messages = defineMessages({
  masked: {
    en: () =>
      'Only the last command of this pipeline decides whether the RUN succeeds: if an earlier one fails, the build ' +
      'goes on with partial output. Use SHELL ["/bin/bash", "-o", "pipefail", "-c"], or begin the RUN with set -o ' +
      'pipefail where /bin/sh supports it.',
    ko: () =>
      '이 파이프라인은 마지막 명령의 결과만으로 RUN 성공 여부가 정해져, 앞 명령이 실패해도 불완전한 출력으로 빌드가 이어집니다. SHELL ["/bin/bash", "-o", ' +
      '"pipefail", "-c"]를 쓰거나, /bin/sh가 지원한다면 RUN을 set -o pipefail로 시작하세요.',
  },
});

export const pipeWithoutPipefail: StageRule = {
  scope: 'stage',
  messages,
  code: 'PipeWithoutPipefail',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#using-pipes`,
  description: {
    en:
      'A pipeline succeeds when its last command does, so a failing first command can go unnoticed; ' +
      'pipefail makes it fail the build.',
    ko: '파이프라인은 마지막 명령만 성공하면 성공으로 끝나므로 앞 명령의 실패가 묻힐 수 있습니다. pipefail을 켜면 빌드가 실패로 멈춥니다.',
  },
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL4006' },
    { tool: 'droast', id: 'DF057' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM debian:12\nRUN curl -fsSL https://example.com/i.sh | sh\n', range: '1:4-1:44' }],
    valid: [
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/i.sh | sh\n',
    ],
  },
  check(stage) {
    const findings: Finding[] = [];
    for (const { instruction, shell } of shellRuns(stage)) {
      if (shell.posix && !shell.pipefail) findings.push(...maskedPipelines(instruction));
    }
    return findings;
  },
};
