// Something that changes often (the whole source tree, a version or date in LABEL/ENV) placed
// before a slow RUN that does not need it: every change reruns that RUN.
import { copyFacts, runFacts } from '../../cache';
import type { Instruction, KeyValue } from '../../parser';
import type { Stage } from '../../model';
import { defineMessages } from '../messages';
import type { Finding, Fix, StageRule } from '../rule';
import {
  commandLabel,
  deleteInstruction,
  firstLineRange,
  instructionLabel,
  instructionText,
  moveInstruction,
} from './instructionEdits';

/** Keys that name a version, date or revision: values that change from one build to the next. */
const VOLATILE_KEY = /(^|[._-])(version|date|created|revision|commit|sha|build[._-]?(date|id|number|time))$/i;
const VOLATILE_VALUE =
  /\d{4}-\d{2}-\d{2}|\$\{?(BUILD_DATE|BUILD_TIME|GIT_COMMIT|GIT_SHA|COMMIT|REVISION|VCS_REF|SOURCE_DATE_EPOCH)\b/i;

interface Volatile {
  instruction: Instruction;
  pair: KeyValue | undefined;
  /** Variable names whose values change with it (ENV keys, and ENVs derived from them). */
  names: Set<string>;
}

const messages = defineMessages({
  broadCopyBeforeInstall: {
    en: (p: { label: string; what: string }) =>
      `\`${p.label}\` comes before a later RUN (\`${p.what}\`) that installs system packages: any change to any ` +
      `file in the build context reruns that install. Install system packages before copying the sources.`,
    ko: (p) =>
      `\`${p.label}\`이(가) 시스템 패키지를 설치하는 뒤의 RUN(\`${p.what}\`)보다 앞에 있어, 빌드 컨텍스트의 파일이 하나만 바뀌어도 그 설치를 다시 실행합니다. 시스템 ` +
      `패키지는 소스를 복사하기 전에 설치하세요.`,
  },
  volatileBeforeRun: {
    en: (p: { keyword: string; key: string; what: string }) =>
      `${p.keyword} ${p.key} changes from one build to the next, and it comes before a slow RUN (\`${p.what}\`) ` +
      `that does not use it: each new value reruns that RUN. Move it below the ` +
      `RUN${p.keyword === 'LABEL' ? ', for example to the end of the stage' : ''}.`,
    ko: (p) =>
      `${p.keyword} ${p.key}은(는) 빌드할 때마다 바뀌기 쉬운데, 이 값을 쓰지 않는 뒤의 무거운 RUN(\`${p.what}\`)보다 앞에 있어 값이 바뀔 때마다 그 RUN을 다시 ` +
      `실행합니다. RUN 아래로 옮기세요${p.keyword === 'LABEL' ? '(예: 스테이지 끝)' : ''}.`,
  },
  heavyRun: {
    en: (p: { what: string }) => `The RUN that reruns (\`${p.what}\`)`,
    ko: (p) => `다시 실행되는 RUN(\`${p.what}\`)`,
  },
});

export const volatileBeforeHeavyRun: StageRule = {
  code: 'VolatileBeforeHeavyRun',
  severity: 'hint',
  scope: 'stage',
  messages,
  docs: 'https://docs.docker.com/build/cache/optimize/#order-your-layers',
  description: {
    en: 'An instruction that changes often comes before a slow RUN that does not depend on it.',
    ko: '자주 바뀌는 명령이 그것과 상관없는 무거운 RUN보다 앞에 있습니다.',
  },
  category: 'cache',
  equivalents: [],
  examples: {
    invalid: [
      {
        dockerfile:
          'FROM debian\nLABEL org.opencontainers.image.version=1.4.2\n' +
          'RUN apt-get update && apt-get install -y curl\nCMD ["curl"]\n\nFROM scratch\n',
        range: '1:6-1:44',
      },
    ],
    valid: [
      'FROM debian\nRUN apt-get update && apt-get install -y curl\nLABEL version=1.0\n',
      'FROM debian\nENV NODE_VERSION=20.1.0\nRUN apt-get install -y nodejs=$NODE_VERSION\n',
    ],
  },
  check(stage, { lines }): Finding[] {
    const findings: Finding[] = [];
    const open: Volatile[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'RUN') {
        for (const candidate of [...open]) {
          // From the first layer that reads the value on, every layer rebuilds with it anyway.
          if (readsValue(candidate, instruction)) open.splice(open.indexOf(candidate), 1);
          else if (isHeavy(candidate, instruction)) {
            findings.push(finding(candidate, instruction, stage, lines));
            open.splice(open.indexOf(candidate), 1);
          }
        }
        continue;
      }
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
        for (const candidate of [...open])
          if (candidate.pair && readsValue(candidate, instruction)) open.splice(open.indexOf(candidate), 1);
      }
      // ENV and ARG set after a volatile one usually change with it (PHP_VERSION, then PHP_URL
      // with the same version written out): a RUN reading them changes in step anyway.
      if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
        for (const candidate of open) for (const pair of instruction.pairs ?? []) candidate.names.add(pair.key.value);
      }
      const found = volatileOf(instruction);
      if (found) open.push(found);
    }
    return findings;
  },
};

function volatileOf(instruction: Instruction): Volatile | undefined {
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
    return copyFacts(instruction).broad ? { instruction, pair: undefined, names: new Set() } : undefined;
  }
  if (instruction.keyword !== 'LABEL' && instruction.keyword !== 'ENV') return undefined;
  const pair = (instruction.pairs ?? []).find(
    (p) => VOLATILE_KEY.test(p.key.value) || VOLATILE_VALUE.test(p.value?.raw ?? ''),
  );
  if (!pair) return undefined;
  const names = new Set(instruction.keyword === 'ENV' ? (instruction.pairs ?? []).map((p) => p.key.value) : []);
  return { instruction, pair, names };
}

/** The instruction uses the value: by name, through a variable set after it, or spelled out. */
function readsValue(candidate: Volatile, instruction: Instruction): boolean {
  if (candidate.pair === undefined) return false;
  if (instruction.variables.some((v) => candidate.names.has(v.name))) return true;
  const value = candidate.pair.value?.value ?? '';
  return value.length >= 3 && instruction.argsText.includes(value);
}

/** A slow RUN: system packages or dependency installs. */
function isHeavy(candidate: Volatile, run: Instruction): boolean {
  const facts = runFacts(run);
  // After a whole-context copy only system packages are clearly unrelated to the sources;
  // dependency installs there are InstallAfterBroadCopy's finding.
  if (candidate.pair === undefined) return facts.installsSystemPackages && facts.installs.length === 0;
  return facts.installsSystemPackages || facts.installs.length > 0;
}

function finding(candidate: Volatile, run: Instruction, stage: Stage, lines: readonly string[]): Finding {
  const facts = runFacts(run);
  const heavyCommand =
    facts.commands.find((c) => c.length > 1 && /install|add|build|download|fetch|sync/.test(c[1] ?? '')) ??
    facts.commands[0] ??
    [];
  const what = commandLabel(heavyCommand);
  const { instruction, pair } = candidate;
  const related = [{ range: firstLineRange(run, lines), message: messages.heavyRun({ what }) }];
  if (!pair) {
    return {
      range: firstLineRange(instruction, lines),
      instruction,
      message: messages.broadCopyBeforeInstall({ label: instructionLabel(instruction), what }),
      related,
    };
  }
  const key = pair.key.value;
  const fix = instruction.keyword === 'LABEL' ? moveToStageEnd(instruction, stage, lines) : undefined;
  return {
    range: pair.range,
    instruction,
    message: messages.volatileBeforeRun({ keyword: instruction.keyword, key, what }),
    related,
    fixes: fix ? [fix] : undefined,
  };
}

/** LABEL only sets metadata: it can move to the end of its stage without changing the image. */
function moveToStageEnd(label: Instruction, stage: Stage, lines: readonly string[]): Fix | undefined {
  const last = stage.instructions[stage.instructions.length - 1];
  if (!last || last === label) return undefined;
  const afterLast = last.range.end.line + 1;
  const edits =
    afterLast < lines.length
      ? moveInstruction(label, afterLast, lines)
      : [
          {
            range: { start: last.range.end, end: last.range.end },
            newText: `\n${instructionText(label, lines).replace(/\n$/, '')}`,
          },
          deleteInstruction(label, lines),
        ];
  return { title: { en: 'Move LABEL to the end of the stage', ko: 'LABEL을 스테이지 끝으로 옮기기' }, edits };
}
