// Flag values the builder cannot read: a missing value, a non-boolean for a boolean flag,
// an unknown RUN --network/--security mode, a HEALTHCHECK duration or retry count it rejects,
// a COPY/ADD --chmod or ADD --checksum it rejects (copyFlagValues.ts).
import type { Flag } from '../../parser';
import type { Finding, InstructionRule, LocalizedText } from '../rule';
import { hasVariable, referenceDocs, text } from '../support';
import { copyFlagProblem } from './copyFlagValues';
import { flagsAreRead, flagSpec } from './flagSpecs';

const CHOICES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  RUN: { network: ['default', 'none', 'host'], security: ['sandbox', 'insecure'] },
};
const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);
const UNIT_NANOSECONDS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
// `\d+(?:\.\d*)?` rather than `\d+\.?\d*`: without the dot, `\d+\d*` splits a run of digits in
// quadratically many ways before the unit fails to match.
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** Nanoseconds of a Go duration string (`1m30s`, `500ms`), or undefined when it is not one. */
export function parseGoDuration(value: string): number | undefined {
  let rest = value;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  DURATION_PART.lastIndex = 0;
  while (DURATION_PART.lastIndex < rest.length) {
    const match = DURATION_PART.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_NANOSECONDS[match[2]!]!;
  }
  return sign * total;
}

function problemWith(keyword: string, flag: Flag, kind: string): LocalizedText | undefined {
  const value = flag.value;
  if ((kind === 'string' || kind === 'list') && value === undefined) {
    return text(
      `--${flag.name} needs a value: --${flag.name}=<value>.`,
      `--${flag.name}에는 값이 필요합니다: --${flag.name}=<값>.`,
    );
  }
  if (value === undefined || hasVariable(value)) return undefined;
  if (kind === 'bool' && !/^(true|false)$/i.test(value)) {
    return text(
      `--${flag.name} is a switch: write --${flag.name} or --${flag.name}=true|false, not "${value}".`,
      `--${flag.name}는 켜고 끄는 플래그입니다. "${value}" 대신 --${flag.name} 또는 --${flag.name}=true|false로 씁니다.`,
    );
  }
  const choices = CHOICES[keyword]?.[flag.name];
  if (choices && !choices.includes(value)) {
    return text(
      `--${flag.name}=${value} is not a mode the builder knows; use one of ${choices.join(', ')}.`,
      `--${flag.name}=${value}는 빌더가 모르는 값입니다. ${choices.join(', ')} 중 하나를 씁니다.`,
    );
  }
  if (keyword === 'HEALTHCHECK' && DURATION_FLAGS.has(flag.name) && value !== '') {
    const nanoseconds = parseGoDuration(value);
    if (nanoseconds === undefined) {
      return text(
        `--${flag.name}=${value} is not a duration; write it like 30s, 1m30s or 500ms.`,
        `--${flag.name}=${value}는 시간 값이 아닙니다. 30s, 1m30s, 500ms처럼 씁니다.`,
      );
    }
    if (nanoseconds !== 0 && nanoseconds < 1e6) {
      return text(`--${flag.name} cannot be shorter than 1ms.`, `--${flag.name}는 1ms보다 짧을 수 없습니다.`);
    }
  }
  if (keyword === 'HEALTHCHECK' && flag.name === 'retries' && value !== '') {
    if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > 2 ** 31 - 1) {
      return text(`--retries=${value} is not a whole number.`, `--retries=${value}는 정수가 아닙니다.`);
    }
    if (Number(value) < 0) return text('--retries cannot be negative.', '--retries는 음수일 수 없습니다.');
  }
  return undefined;
}

export const invalidFlagValue: InstructionRule = {
  code: 'invalid-flag-value',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('overview'),
  description: text('A flag has a value the builder rejects.', '빌더가 받아들이지 않는 플래그 값이 있습니다.'),
  check(instruction) {
    if (!flagsAreRead(instruction.keyword, instruction.healthcheckMode?.value)) return [];
    const spec = flagSpec(instruction.keyword);
    const findings: Finding[] = [];
    for (const flag of instruction.flags) {
      const kind = spec[flag.name];
      if (kind === undefined) continue;
      const message = problemWith(instruction.keyword, flag, kind);
      if (message) findings.push({ range: flag.valueRange ?? flag.range, message });
      else if (
        (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
        flag.value !== undefined &&
        !hasVariable(flag.value)
      ) {
        const problem = copyFlagProblem(instruction, flag, flag.value);
        if (problem) findings.push(problem);
      }
    }
    return findings;
  },
};
