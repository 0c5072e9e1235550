// COPY/ADD of several sources must name a directory (ending in /) as destination.
import { processedCopyPaths } from '../../parser';
import type { InstructionRule } from '../rule';
import { fix, referenceDocs, replace, text } from '../support';
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
    valid: ['FROM alpine\nCOPY a b /dest/\nCOPY a b .\nCOPY a b "/dest/"\n'],
  },
  check(instruction, escapeChar) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return [];
    const { sources, destination } = processedCopyPaths(instruction, escapeChar);
    if (!destination || sources.length < 2) return [];
    if (destination.hasVariable || destination.unterminated) return [];
    // The builder reads the value; a JSON string such as "C:\\dir\\" written for a Windows builder
    // also counts by its decoded text, so a disagreement between builders never gives an error.
    if (namesDirectory(destination.value) || namesDirectory(destination.lexed)) return [];
    const end = destination.appendAt;
    return [
      {
        range: destination.range,
        message: messages.destinationNotDirectory({
          keyword: instruction.keyword,
          sources: sources.length,
          destination: destination.value,
        }),
        // The builder reads the value: `/` goes inside a closing quote (`"baz"` -> `"baz/"`).
        fixes: end && [
          fix(`Add / to make ${destination.value} a directory`, `${destination.value} 끝에 / 붙이기`, [
            replace({ start: end, end }, '/'),
          ]),
        ],
      },
    ];
  },
};
