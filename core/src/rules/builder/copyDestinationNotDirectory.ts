// COPY/ADD of several sources must name a directory (ending in /) as destination.
import type { InstructionRule } from '../rule';
import { fix, hasVariable, referenceDocs, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  destinationNotDirectory: {
    en: (p: { keyword: string; sources: number; destination: string }) =>
      `${p.keyword} has ${p.sources} sources, so the destination must be a directory ending in /: write ` +
      `${p.destination}/.`,
    ko: (p) =>
      `${p.keyword}의 소스가 ${p.sources}개이므로 대상은 /로 끝나는 디렉터리여야 합니다. ${p.destination}/로 씁니다.`,
  },
});

function namesDirectory(destination: string): boolean {
  return /[/\\]$/.test(destination) || destination === '.' || destination === '..' || /\/\.\.?$/.test(destination);
}

export const copyDestinationNotDirectory: InstructionRule = {
  code: 'copy-destination-not-directory',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('destination'),
  description: text(
    'COPY or ADD with several sources needs a directory destination ending in /.',
    '여러 소스를 복사하는 COPY/ADD의 대상은 /로 끝나는 디렉터리여야 합니다.',
  ),
  messages,
  category: 'builder',
  equivalents: [
    { tool: 'hadolint', id: 'DL3021' },
    { tool: 'droast', id: 'DF048' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nCOPY a b /dest\n', range: '1:9-1:14' }],
    valid: ['FROM alpine\nCOPY a b /dest/\nCOPY a b .\n'],
  },
  check(instruction) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return [];
    const destination = instruction.destination;
    if (!destination || (instruction.sources?.length ?? 0) < 2) return [];
    if (hasVariable(destination.value) || namesDirectory(destination.value)) return [];
    const end = instruction.exec
      ? { line: destination.range.end.line, character: destination.range.end.character - 1 }
      : destination.range.end;
    return [
      {
        range: destination.range,
        message: messages.destinationNotDirectory({
          keyword: instruction.keyword,
          sources: instruction.sources!.length,
          destination: destination.value,
        }),
        fixes: [
          fix(`Add / to make ${destination.value} a directory`, `${destination.value} 끝에 / 붙이기`, [
            replace({ start: end, end }, '/'),
          ]),
        ],
      },
    ];
  },
};
