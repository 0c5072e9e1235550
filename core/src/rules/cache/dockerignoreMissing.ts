// The whole context is copied but no .dockerignore filters it: .git, installed dependencies and
// build output go into the layer, and a change to any of them rebuilds it.
import type { DocumentRule, Finding, RuleContext } from '../rule';
import { dockerignorePathFor, firstBroadCopy, missingExclusions } from './contextExclusions';
import { firstLineRange, instructionLabel } from './instructionEdits';
import { defineMessages } from '../messages';

const messages = defineMessages({
  missing: {
    en: (p: { copy: string; examples: string }) =>
      `\`${p.copy}\` sends the whole build context, and there is no .dockerignore next to it: everything ` +
      `(${p.examples}, logs, local settings) lands in the layer, and a change to any of it rebuilds this layer ` +
      'and every one after it.',
    ko: (p) =>
      `\`${p.copy}\`은(는) 빌드 컨텍스트 전체를 보내는데 옆에 .dockerignore가 없습니다. ${p.examples}, 로그, 로컬 설정까지 모두 레이어에 들어가고, 그중 무엇이 ` +
      '바뀌어도 이 레이어와 그 뒤의 레이어를 전부 다시 빌드합니다.',
  },
});

export const dockerignoreMissing: DocumentRule = {
  code: 'DockerignoreMissing',
  severity: 'info',
  scope: 'document',
  docs: 'https://docs.docker.com/build/concepts/context/#dockerignore-files',
  description: {
    en: 'The Dockerfile copies the whole build context but the context has no .dockerignore.',
    ko: 'Dockerfile이 빌드 컨텍스트 전체를 복사하는데 컨텍스트에 .dockerignore가 없습니다.',
  },
  messages,
  category: 'cache',
  equivalents: [],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm run build\n',
        range: '2:0-2:8',
        context: { 'package.json': '{}', '.git/': '', 'dist/': '' },
      },
    ],
    valid: [
      { dockerfile: 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm run build\n', context: { '.dockerignore': '.git\n' } },
      { dockerfile: 'FROM node\nCOPY src/ /app/src/\n', context: { 'package.json': '{}' } },
    ],
  },
  check({ stages, lines, buildContext }: RuleContext): Finding[] {
    // No folder on disk (or an empty one) is no build context to filter.
    if (!buildContext || buildContext.dockerignorePath || buildContext.topLevelEntries().entries.size === 0) return [];
    const copy = firstBroadCopy(stages);
    if (!copy) return [];
    const entries = missingExclusions(buildContext);
    if (!entries.includes('.git')) entries.unshift('.git');
    const label = instructionLabel(copy);
    return [
      {
        range: firstLineRange(copy, lines),
        instruction: copy,
        message: messages.missing({ copy: label, examples: entries.join(', ') }),
        fixes: [
          {
            title: {
              en: `Create .dockerignore (${entries.join(', ')})`,
              ko: `.dockerignore 만들기 (${entries.join(', ')})`,
            },
            edits: [],
            createFile: { path: dockerignorePathFor(buildContext), text: entries.map((e) => `${e}\n`).join('') },
          },
        ],
      },
    ];
  },
};
