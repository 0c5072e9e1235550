// A .dockerignore line valid for BuildKit that Layerwise cannot evaluate (a Go regular expression
// feature beyond the linear matcher, such as `\b`): the layer hints and context counts treat it
// as matching nothing, so they may count files the build leaves out.
import { dockerignoreProblemFindings, dockerignoreProblemMessages } from '../dockerignoreProblems';
import type { DocumentRule } from '../rule';
import { text } from '../support';

export const dockerignoreUnsupportedPattern: DocumentRule = {
  code: 'DockerignoreUnsupportedPattern',
  scope: 'document',
  severity: 'warning',
  docs: 'https://docs.docker.com/build/concepts/context/#dockerignore-files',
  description: text(
    'A .dockerignore line uses something Layerwise cannot evaluate, so its layer hints ignore that line.',
    '.dockerignore의 한 줄이 Layerwise가 평가할 수 없는 기능을 써서 레이어 힌트가 그 줄을 무시합니다.',
  ),
  messages: dockerignoreProblemMessages,
  category: 'cache',
  equivalents: [],
  examples: {
    invalid: [
      {
        dockerfile: '# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM $BASE\nCOPY . .\n',
        range: '2:0-2:4',
        context: { '.dockerignore': 'foo\\b\nbar\n' },
      },
    ],
    valid: [
      {
        dockerfile: '# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM $BASE\nCOPY . .\n',
        context: { '.dockerignore': '**/*.log\n!keep.log\n[a-z]*\n' },
      },
    ],
  },
  check: (context) => dockerignoreProblemFindings(context, 'warning'),
};
