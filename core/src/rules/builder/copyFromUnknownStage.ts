// COPY --from that names no stage. The builder reads such a value as an image to pull, so it must
// be a valid image reference; a plain name one typo away from a stage (`--from=buidl`) is almost
// always the stage, misspelt, and the build then fails pulling an image that does not exist.
// Valid references that are not close to a stage (`--from=nginx:1.27`) are images and stay quiet.
import type { Stage } from '../../model';
import type { Flag, Instruction } from '../../parser';
import { imageReferenceProblem } from '../imageReference';
import { defineMessages } from '../messages';
import type { DocumentRule, Finding, Fix } from '../rule';
import { suggestName } from '../suggest';
import { hasVariable, referenceDocs } from '../support';

const messages = defineMessages({
  invalidReference: {
    en: (p: { value: string; problem: string; guess: string | undefined }) =>
      `--from=${p.value} names no stage of this file${p.guess ? ` (did you mean ${p.guess}?)` : ''}, so the ` +
      `builder reads it as an image, and it is not a valid image reference (${p.problem}): the build fails.`,
    ko: (p) =>
      `--from=${p.value}는 이 파일의 어떤 스테이지도 아니므로 빌더가 이미지로 읽는데, 올바른 이미지 참조가 ` +
      `아닙니다(${p.problem}). 빌드가 실패합니다.${p.guess ? ` ${p.guess}을(를) 뜻했나요?` : ''}`,
  },
  typo: {
    en: (p: { value: string; stage: string }) =>
      `--from=${p.value} names no stage of this file (did you mean ${p.stage}?). The builder would pull it as the ` +
      `image docker.io/library/${p.value} instead.`,
    ko: (p) =>
      `--from=${p.value}는 이 파일의 어떤 스테이지도 아닙니다(${p.stage}을(를) 뜻했나요?). 빌더는 이를 대신 ` +
      `docker.io/library/${p.value} 이미지로 내려받으려 합니다.`,
  },
  indexOutOfRange: {
    en: (p: { value: string; count: number }) =>
      `--from=${p.value} names no stage: stages are numbered from 0 and this file has ${p.count}. The builder ` +
      `would pull an image named "${p.value}" instead.`,
    ko: (p) =>
      `--from=${p.value}에 해당하는 스테이지가 없습니다. 스테이지 번호는 0부터 시작하며 이 파일에는 ${p.count}개가 있습니다. ` +
      `빌더는 대신 "${p.value}"라는 이미지를 내려받으려 합니다.`,
  },
});

/** A plain name, as a stage name is written: no registry, path, tag or digest. */
const PLAIN_NAME = /^[a-z][a-z0-9_.-]*$/i;

/** `buidl` for `build`: two neighbouring letters swapped (an edit distance of 2, too far for short names). */
function swapsTwoLetters(typed: string, name: string): boolean {
  if (typed.length !== name.length) return false;
  const differ: number[] = [];
  for (let i = 0; i < typed.length && differ.length <= 2; i++) if (typed[i] !== name[i]) differ.push(i);
  const [a, b] = differ;
  return differ.length === 2 && a !== undefined && b === a + 1 && typed[a] === name[b] && typed[b] === name[a];
}

function renameFix(flag: Flag, stage: string): Fix[] | undefined {
  if (!flag.valueRange) return undefined;
  return [
    {
      title: { en: `Copy from stage ${stage}`, ko: `스테이지 ${stage}에서 복사` },
      edits: [{ range: flag.valueRange, newText: stage }],
    },
  ];
}

function problem(flag: Flag, stages: readonly Stage[], baseImages: ReadonlySet<string>): Finding | undefined {
  const value = flag.value;
  if (!value || hasVariable(value)) return undefined;
  const lower = value.toLowerCase();
  if (stages.some((stage) => stage.name === lower)) return undefined;
  const range = flag.valueRange ?? flag.range;
  if (/^\d+$/.test(value)) {
    if (Number(value) < stages.length) return undefined;
    return { range, message: messages.indexOutOfRange({ value, count: stages.length }) };
  }
  const names = stages.flatMap((stage) => (stage.name ? [stage.name] : []));
  const guess = suggestName(lower, names) ?? names.find((name) => swapsTwoLetters(lower, name));
  const invalid = imageReferenceProblem(value);
  if (invalid) {
    const fixes = guess ? renameFix(flag, guess) : undefined;
    return { range, message: messages.invalidReference({ value, problem: invalid, guess }), fixes };
  }
  // An image the file also builds on (`FROM node AS nodes` ... `--from=node`) is meant as the image.
  if (!guess || !PLAIN_NAME.test(value) || baseImages.has(lower)) return undefined;
  return { range, message: messages.typo({ value, stage: guess }), fixes: renameFix(flag, guess) };
}

/** The images the file's stages build on, without tag or digest, lower-cased. */
function baseImageNames(stages: readonly Stage[]): Set<string> {
  const names = new Set<string>();
  for (const stage of stages) {
    const image = (stage.resolvedBaseImage ?? stage.baseImage).toLowerCase();
    names.add(image.replace(/[@:].*$/, ''));
  }
  return names;
}

const copyFroms = (stage: Stage): Instruction[] =>
  stage.instructions.filter(
    (instruction) => instruction.keyword === 'COPY' && instruction.flags.some((flag) => flag.name === 'from'),
  );

export const copyFromUnknownStage: DocumentRule = {
  scope: 'document',
  code: 'CopyFromUnknownStage',
  severity: 'warning',
  docs: referenceDocs('copy---from'),
  description: {
    en:
      'COPY --from names no stage of the file and is not an image either: an invalid reference, a stage index ' +
      'past the last stage, or a stage name with a typo.',
    ko: 'COPY --from이 파일의 어떤 스테이지도 아니고 이미지로 보기도 어렵습니다. 잘못된 참조, 마지막 스테이지를 넘는 번호, 오타가 난 스테이지 이름입니다.',
  },
  messages,
  category: 'builder',
  equivalents: [
    {
      tool: 'hadolint',
      id: 'DL3022',
      note: 'also flags any name without a tag that no earlier FROM ... AS defines, images included',
    },
    { tool: 'droast', id: 'DF049', note: 'flags every name that no earlier stage defines, images included' },
  ],
  examples: {
    invalid: [
      { dockerfile: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=buidl /app /app\n', range: '2:12-2:17' },
    ],
    valid: [
      'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
      'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
    ],
  },
  check({ stages }) {
    const findings: Finding[] = [];
    let baseImages: Set<string> | undefined;
    for (const stage of stages) {
      for (const instruction of stage.summary(copyFroms)) {
        const flag = instruction.flags.find((candidate) => candidate.name === 'from');
        if (!flag) continue;
        baseImages ??= baseImageNames(stages);
        const finding = problem(flag, stages, baseImages);
        if (finding) findings.push({ ...finding, instruction });
      }
    }
    return findings;
  },
};
