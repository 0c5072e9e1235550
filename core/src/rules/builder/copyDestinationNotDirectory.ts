// COPY/ADD of several sources must name a directory (ending in /) as destination.
import type { InstructionRule } from '../rule';
import { fix, hasVariable, referenceDocs, replace, text } from '../support';

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
        message: text(
          `${instruction.keyword} has ${instruction.sources!.length} sources, so the destination must be a directory ending in /: write ${destination.value}/.`,
          `${instruction.keyword}의 소스가 ${instruction.sources!.length}개이므로 대상은 /로 끝나는 디렉터리여야 합니다. ${destination.value}/로 씁니다.`,
        ),
        fixes: [
          fix(`Add / to make ${destination.value} a directory`, `${destination.value} 끝에 / 붙이기`, [
            replace({ start: end, end }, '/'),
          ]),
        ],
      },
    ];
  },
};
