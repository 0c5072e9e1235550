// A Dockerfile with instructions but no FROM has nothing to build.
import type { DocumentRule } from '../rule';
import { referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  noFrom: {
    en: () => 'There is no FROM in this file: add FROM <image> to start a build stage.',
    ko: () => '이 파일에는 FROM이 없습니다. FROM <이미지>로 빌드 스테이지를 시작합니다.',
  },
});

export const noBuildStage: DocumentRule = {
  code: 'no-build-stage',
  kind: 'builder-error',
  scope: 'document',
  severity: 'error',
  docs: referenceDocs('from'),
  description: text(
    'The Dockerfile has no FROM, so there is no stage to build.',
    'FROM이 없어 빌드할 스테이지가 없습니다.',
  ),
  messages,
  category: 'builder',
  equivalents: [],
  examples: { invalid: [{ dockerfile: 'ARG A=1\n', range: '0:0-0:3' }], valid: ['ARG A=1\nFROM alpine\n'] },
  check({ tree }) {
    const first = tree.instructions[0];
    if (!first || tree.instructions.some((i) => i.keyword === 'FROM')) return [];
    // Other instructions are already reported as coming before FROM; ARG-only files are not.
    if (tree.instructions.some((i) => i.keyword !== 'ARG')) return [];
    return [
      {
        range: first.keywordRange,
        message: messages.noFrom(),
      },
    ];
  },
};
