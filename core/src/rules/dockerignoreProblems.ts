// What the .dockerignore of a Dockerfile's build context holds that BuildKit cannot use, as
// findings on the Dockerfile (the server checks Dockerfiles only): each problem line once, on the
// first FROM, naming the file and line, with the line itself as related information.
import { basename } from 'node:path';
import type { DockerIgnore, DockerIgnoreProblem } from '../context/dockerignore';
import type { Range } from '../parser';
import type { Finding, LocalizedText, RuleContext } from './rule';
import { defineMessages } from './messages';

/** The messages of both .dockerignore rules (invalid-dockerignore, DockerignoreUnsupportedPattern). */
export const dockerignoreProblemMessages = defineMessages({
  problemLine: {
    en: (p: { file: string; line: number; problem: LocalizedText }) => `${p.file} line ${p.line}: ${p.problem.en}`,
    ko: (p) => `${p.file} ${p.line}번째 줄: ${p.problem.ko}`,
  },
  relatedLine: {
    en: (p: { line: number; file: string }) => `line ${p.line} of ${p.file}`,
    ko: (p) => `${p.file}의 ${p.line}번째 줄`,
  },
});

/** The findings for the problems of one severity: `error` fails `docker build`. */
export function dockerignoreProblemFindings(
  { tree, buildContext }: RuleContext,
  severity: DockerIgnoreProblem['severity'],
): Finding[] {
  const ignore = buildContext?.dockerignore;
  const path = buildContext?.dockerignorePath;
  if (!ignore || path === undefined || !ignore.problems.some((problem) => problem.severity === severity)) return [];
  const first = tree.instructions.find((instruction) => instruction.keyword === 'FROM') ?? tree.instructions[0];
  const range: Range = first?.keywordRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const name = basename(path);
  const lines = lineLengths(ignore, buildContext.dockerignoreText ?? '');
  const seen = new Set<number>();
  const findings: Finding[] = [];
  for (const problem of ignore.problems) {
    if (problem.severity !== severity || seen.has(problem.line)) continue;
    seen.add(problem.line);
    const line = problem.line + 1;
    findings.push({
      range,
      message: dockerignoreProblemMessages.problemLine({ file: name, line, problem: problem.message }),
      related: [
        {
          path,
          range: {
            start: { line: problem.line, character: 0 },
            end: { line: problem.line, character: lines[problem.line] ?? 0 },
          },
          message: dockerignoreProblemMessages.relatedLine({ line, file: name }),
        },
      ],
    });
  }
  return findings;
}

const lengthsOf = new WeakMap<DockerIgnore, number[]>();

/** The length of each line of the file, lines counted as an editor counts them (`\n`, `\r\n`, `\r`). */
function lineLengths(ignore: DockerIgnore, fileText: string): number[] {
  let lengths = lengthsOf.get(ignore);
  if (!lengths) {
    lengths = [];
    let start = 0;
    for (let i = 0; i < fileText.length; i++) {
      const c = fileText.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      lengths.push(i - start);
      if (c === 0x0d && fileText.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
    lengths.push(fileText.length - start);
    lengthsOf.set(ignore, lengths);
  }
  return lengths;
}
