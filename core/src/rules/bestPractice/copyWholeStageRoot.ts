// `COPY --from=build / /` onto an image: every file of the other stage (its whole operating system
// included) lands in one new layer on top of the base image's files, so files both have are
// stored twice and the base's own files are silently replaced by the other stage's. Onto `scratch`
// it is the usual way to flatten an image, and stays quiet.
import { defineMessages } from '../messages';
import type { Finding, StageRule } from '../rule';
import { hasVariable } from '../support';
import { BEST_PRACTICES } from './support';

/** Ways to name the root of the stage copied from (its paths are relative to its root). */
const WHOLE_SOURCE = new Set(['/', '/.', '.', './']);
const ROOT_DESTINATION = new Set(['/', '/.']);

const messages = defineMessages({
  wholeRoot: {
    en: (p: { from: string }) =>
      `This copies every file of ${p.from}, its operating system included, over the base image: files both have ` +
      `are stored twice and the base's own are replaced. Copy only the folders the image needs (for example ` +
      `COPY --from=${p.from} /app /app), or start this stage FROM scratch.`,
    ko: (p) =>
      `${p.from}의 모든 파일을 운영체제까지 통째로 베이스 이미지 위에 복사합니다. 양쪽에 있는 파일은 두 번 저장되고 베이스의 파일은 ` +
      `덮어써집니다. 이미지에 필요한 폴더만 복사하거나(예: COPY --from=${p.from} /app /app) 이 스테이지를 FROM scratch로 시작하세요.`,
  },
});

export const copyWholeStageRoot: StageRule = {
  scope: 'stage',
  code: 'CopyWholeStageRoot',
  severity: 'info',
  docs: `${BEST_PRACTICES}#use-multi-stage-builds`,
  description: {
    en:
      "COPY --from copies another stage's or image's whole file system onto a stage that has a base image, " +
      'storing shared files twice and replacing the files of the base image.',
    ko: 'COPY --from이 다른 스테이지나 이미지의 파일 시스템 전체를 베이스 이미지가 있는 스테이지 위에 복사해, 겹치는 파일을 두 번 저장하고 베이스의 파일을 덮어씁니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM golang:1.23 AS build\nFROM debian:12\nCOPY --from=build / /\n', range: '2:18-2:19' }],
    valid: [
      'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n',
      'FROM golang:1.23 AS build\nFROM debian:12\nCOPY --from=build /app /app\n',
    ],
  },
  check(stage) {
    if (stage.inherited.scratch) return [];
    const findings: Finding[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'COPY') continue;
      const from = instruction.flags.find((flag) => flag.name === 'from')?.value;
      const destination = instruction.destination?.value;
      if (!from || hasVariable(from) || !destination || !ROOT_DESTINATION.has(destination)) continue;
      const source = (instruction.sources ?? []).find((word) => WHOLE_SOURCE.has(word.value));
      if (source) findings.push({ range: source.range, instruction, message: messages.wholeRoot({ from }) });
    }
    return findings;
  },
};
