// A .dockerignore that lets .git, installed dependencies or build output through while the
// Dockerfile copies the whole context: unrelated changes bust the cache and bloat the context.
import type { DocumentRule, Finding, RuleContext } from '../rule';
import { dockerignorePathFor, firstBroadCopy, missingExclusions } from './contextExclusions';
import { firstLineRange, instructionLabel } from './instructionEdits';
import { defineMessages } from '../messages';

const messages = defineMessages({
  notExcluded: {
    en: (p: { copy: string; list: string; excluded: string }) =>
      `\`${p.copy}\` copies ${p.list} into the layer: the .dockerignore does not exclude ${p.excluded}, so a ` +
      'commit, a local install or a local build rebuilds this layer and every one after it, and the context ' +
      'grows.',
    ko: (p) =>
      `\`${p.copy}\`이(가) ${p.list}까지 레이어에 복사합니다. .dockerignore가 이를 제외하지 않아 커밋, 로컬 설치, 로컬 빌드만 해도 이 레이어와 그 뒤의 레이어를 ` +
      '전부 다시 빌드하고 컨텍스트도 커집니다.',
  },
});

export const dockerignoreIncomplete: DocumentRule = {
  code: 'DockerignoreIncomplete',
  severity: 'info',
  scope: 'document',
  docs: 'https://docs.docker.com/build/concepts/context/#dockerignore-files',
  description: {
    en: 'The .dockerignore does not exclude .git, node_modules or build output that the whole-context copy takes.',
    ko: '.dockerignore가 컨텍스트 전체 복사에 딸려 들어가는 .git, node_modules, 빌드 결과물을 제외하지 않습니다.',
  },
  messages,
  category: 'cache',
  equivalents: [],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm run build\n',
        range: '2:0-2:8',
        context: {
          '.dockerignore': '# local\nnode_modules',
          'package.json': '{}',
          '.git/': '',
          'node_modules/': '',
          'dist/': '',
          'src/': '',
        },
      },
    ],
    valid: [
      {
        dockerfile: 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm run build\n',
        context: { '.dockerignore': '.git\nnode_modules\n/dist/\n', 'package.json': '{}', '.git/': '', 'dist/': '' },
      },
    ],
  },
  check({ stages, lines, buildContext }: RuleContext): Finding[] {
    // An unreadable .dockerignore: what it excludes is unknown.
    if (!buildContext?.dockerignorePath || buildContext.dockerignoreError !== undefined) return [];
    const copy = firstBroadCopy(stages);
    if (!copy) return [];
    const entries = missingExclusions(buildContext);
    if (entries.length === 0) return [];
    const path = dockerignorePathFor(buildContext);
    const text = buildContext.dockerignoreText ?? '';
    const fileLines = text.split(/\r\n|\r|\n/);
    const lastLine = fileLines.length - 1;
    const end = { line: lastLine, character: (fileLines[lastLine] ?? '').length };
    const prefix = text === '' || /[\r\n]$/.test(text) ? '' : '\n';
    const label = instructionLabel(copy);
    const list = entries.join(', ');
    return [
      {
        range: firstLineRange(copy, lines),
        instruction: copy,
        message: messages.notExcluded({ copy: label, list, excluded: entries.length === 1 ? 'it' : 'them' }),
        fixes: [
          {
            title: { en: `Add ${list} to .dockerignore`, ko: `.dockerignore에 ${list} 추가` },
            edits: [],
            fileEdits: [
              {
                path,
                edits: [{ range: { start: end, end }, newText: prefix + entries.map((e) => `${e}\n`).join('') }],
              },
            ],
          },
        ],
      },
    ];
  },
};
