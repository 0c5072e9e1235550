// Flag values the builder cannot read: a missing value, a non-boolean for a boolean flag,
// an unknown RUN --network/--security mode, a HEALTHCHECK duration or retry count it rejects,
// a COPY/ADD --chmod or ADD --checksum it rejects (copyFlagValues.ts).
import { type Flag, type FlagSpec, flagOf, flagsAreRead } from '../../parser';
import type { Finding, InstructionRule, LocalizedText } from '../rule';
import { hasVariable, referenceDocs, text } from '../support';
import { copyFlagProblem } from './copyFlagValues';
import { defineMessages } from '../messages';

const messages = defineMessages({
  missingValue: {
    en: (p: { name: string }) => `--${p.name} needs a value: --${p.name}=<value>.`,
    ko: (p) => `--${p.name}에는 값이 필요합니다: --${p.name}=<값>.`,
  },
  notASwitchValue: {
    en: (p: { name: string; value: string }) =>
      `--${p.name} is a switch: write --${p.name} or --${p.name}=true|false, not "${p.value}".`,
    ko: (p) =>
      `--${p.name}는 켜고 끄는 플래그입니다. "${p.value}" 대신 --${p.name} 또는 --${p.name}=true|false로 씁니다.`,
  },
  unknownMode: {
    en: (p: { name: string; value: string; modes: string }) =>
      `--${p.name}=${p.value} is not a mode the builder knows; use one of ${p.modes}.`,
    ko: (p) => `--${p.name}=${p.value}는 빌더가 모르는 값입니다. ${p.modes} 중 하나를 씁니다.`,
  },
  notADuration: {
    en: (p: { name: string; value: string }) =>
      `--${p.name}=${p.value} is not a duration; write it like 30s, 1m30s or 500ms.`,
    ko: (p) => `--${p.name}=${p.value}는 시간 값이 아닙니다. 30s, 1m30s, 500ms처럼 씁니다.`,
  },
  durationTooShort: {
    en: (p: { name: string }) => `--${p.name} cannot be shorter than 1ms.`,
    ko: (p) => `--${p.name}는 1ms보다 짧을 수 없습니다.`,
  },
  retriesNotWhole: {
    en: (p: { value: string }) => `--retries=${p.value} is not a whole number.`,
    ko: (p) => `--retries=${p.value}는 정수가 아닙니다.`,
  },
  retriesNegative: {
    en: () => '--retries cannot be negative.',
    ko: () => '--retries는 음수일 수 없습니다.',
  },
});

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

function problemWith(flag: Flag, spec: FlagSpec): LocalizedText | undefined {
  const value = flag.value;
  const kind = spec.value;
  if (kind !== 'bool' && value === undefined) {
    return messages.missingValue({ name: flag.name });
  }
  if (value === undefined || hasVariable(value)) return undefined;
  if (kind === 'bool' && !/^(true|false)$/i.test(value)) {
    return messages.notASwitchValue({ name: flag.name, value });
  }
  const choices = spec.choices;
  if (choices && !choices.includes(value)) {
    return messages.unknownMode({ name: flag.name, value, modes: choices.join(', ') });
  }
  if (kind === 'duration' && value !== '') {
    const nanoseconds = parseGoDuration(value);
    if (nanoseconds === undefined) {
      return messages.notADuration({ name: flag.name, value });
    }
    if (nanoseconds !== 0 && nanoseconds < 1e6) {
      return messages.durationTooShort({ name: flag.name });
    }
  }
  if (kind === 'count' && value !== '') {
    if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > 2 ** 31 - 1) {
      return messages.retriesNotWhole({ value });
    }
    if (Number(value) < 0) return messages.retriesNegative();
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
  messages,
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nHEALTHCHECK --interval=5 CMD true\n', range: '1:23-1:24' }],
    valid: ['FROM alpine\nHEALTHCHECK --interval=5s --retries=3 CMD true\n'],
  },
  check(instruction, escapeChar) {
    if (!flagsAreRead(instruction.keyword, instruction.healthcheckMode?.value)) return [];
    const findings: Finding[] = [];
    for (const flag of instruction.flags) {
      const spec = flagOf(instruction.keyword, flag.name);
      if (spec === undefined) continue;
      const message = problemWith(flag, spec);
      if (message) findings.push({ range: flag.valueRange ?? flag.range, message });
      else if (
        (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
        flag.value !== undefined &&
        !hasVariable(flag.value)
      ) {
        const problem = copyFlagProblem(instruction, flag, flag.value, escapeChar);
        if (problem) findings.push(problem);
      }
    }
    return findings;
  },
};
