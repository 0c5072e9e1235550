// A .dockerignore line valid for BuildKit that Layerwise cannot evaluate (a Go regular expression
// feature beyond the linear matcher, such as `\b`): the layer hints and context counts treat it
// as matching nothing, so they may count files the build leaves out.
import { dockerignoreProblemFindings } from '../dockerignoreProblems';
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
  check: (context) => dockerignoreProblemFindings(context, 'warning'),
};
