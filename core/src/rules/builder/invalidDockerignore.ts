// A .dockerignore line that makes `docker build` fail: BuildKit reads the file before anything
// else and stops on a pattern it rejects (`[z-a]`, a lone `!`, an unclosed `[`, a line of 64 KiB).
import { dockerignoreProblemFindings, dockerignoreProblemMessages } from '../dockerignoreProblems';
import type { DocumentRule } from '../rule';
import { text } from '../support';

export const invalidDockerignore: DocumentRule = {
  code: 'invalid-dockerignore',
  kind: 'builder-error',
  scope: 'document',
  severity: 'error',
  docs: 'https://docs.docker.com/build/concepts/context/#dockerignore-files',
  description: text(
    'The .dockerignore of the build context has a line that makes docker build fail.',
    '빌드 컨텍스트의 .dockerignore에 docker build를 실패하게 하는 줄이 있습니다.',
  ),
  messages: dockerignoreProblemMessages,
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [
      {
        dockerfile: '# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM $BASE\nCOPY . .\n',
        range: '2:0-2:4',
        context: { '.dockerignore': 'node_modules\n[z-a]\n' },
      },
    ],
    valid: [
      {
        dockerfile: '# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM $BASE\nCOPY . .\n',
        context: { '.dockerignore': '**/*.log\n!keep.log\n[a-z]*\n' },
      },
    ],
  },
  check: (context) => dockerignoreProblemFindings(context, 'error'),
};
