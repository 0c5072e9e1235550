// BuildKit check CopyIgnoredFile: COPY/ADD names a context file that .dockerignore leaves out,
// so the build will not find it. Like BuildKit, only checked when .dockerignore has no `!`
// re-includes (with those, a path's fate depends on files that cannot be judged statically).
import { cleanPath } from '../../context/dockerignore';
import { processedCopyPaths } from '../../parser';
import type { Finding, StageRule } from '../rule';
import { buildCheckDocs, text } from '../support';
import { defineMessages } from '../messages';

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;
/** Patterns that leave out every entry of the context root (BuildKit's copySourceRootIgnored). */
const ROOT_PATTERNS: ReadonlySet<string> = new Set(['*', '**', '**/*']);

const messages = defineMessages({
  ignored: {
    en: (p: { path: string; keyword: string }) =>
      `${p.path} is excluded by .dockerignore, so ${p.keyword} will not find it in the build context.`,
    ko: (p) => `${p.path}는 .dockerignore에서 제외되어 ${p.keyword}가 빌드 컨텍스트에서 찾지 못합니다.`,
  },
});

export const CopyIgnoredFile: StageRule = {
  code: 'CopyIgnoredFile',
  kind: 'build-check',
  scope: 'stage',
  messages,
  severity: 'warning',
  docs: buildCheckDocs('copy-ignored-file'),
  description: text(
    'COPY or ADD names a file that .dockerignore excludes.',
    'COPY나 ADD가 .dockerignore에서 제외한 파일을 가리킵니다.',
  ),
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'CopyIgnoredFile' }],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM alpine\nCOPY secret.txt /\n',
        range: '1:5-1:15',
        context: { '.dockerignore': 'secret.txt\n*.log\n' },
      },
    ],
    valid: [
      {
        dockerfile: 'FROM alpine\nCOPY --from=other secret.txt /\nCOPY app.txt /\n',
        context: { '.dockerignore': 'secret.txt\n*.log\n' },
      },
    ],
  },
  check(stage, { facts }) {
    const ignore = facts.buildContext?.dockerignore;
    if (!ignore || ignore.patterns.some((pattern) => pattern.exclusion)) return [];
    const findings: Finding[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      if (instruction.flags.some((flag) => flag.name === 'from')) continue;
      for (const source of processedCopyPaths(instruction, facts.escapeChar).sources) {
        const path = source.value;
        if (path.startsWith('<<') || REMOTE.test(path) || source.hasVariable) continue;
        const cleaned = cleanPath(path);
        // The context root is not a path .dockerignore can leave out; BuildKit only warns when
        // a pattern leaves out everything in it.
        if (
          cleaned === ''
            ? !ignore.patterns.some((pattern) => ROOT_PATTERNS.has(pattern.text))
            : !ignore.isIgnored(cleaned)
        )
          continue;
        findings.push({
          range: source.range,
          message: messages.ignored({ path, keyword: instruction.keyword }),
        });
      }
    }
    return findings;
  },
};
