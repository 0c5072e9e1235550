// A .dockerignore line that makes `docker build` fail: BuildKit reads the file before anything
// else and stops on a pattern it rejects (`[z-a]`, a lone `!`, an unclosed `[`, a line of 64 KiB).
import { dockerignoreProblemFindings } from '../dockerignoreProblems';
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
  check: (context) => dockerignoreProblemFindings(context, 'error'),
};
