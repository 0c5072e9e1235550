// BuildKit check InvalidDefinitionDescription (experimental, off by default): a comment right
// above FROM ... AS <name> or ARG <name> is read as its description by `docker build --call
// outline`, so it should start with that name. A blank line or an empty `#` in between detaches
// it. Like BuildKit, the warning is on the instruction, not on the comment.
import type { Comment, Instruction } from '../../parser';
import type { DocumentRule, Finding } from '../rule';
import { buildCheckDocs, fix, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  descriptionWithoutName: {
    en: (p: { keyword: string; name: string }) =>
      `A comment right above ${p.keyword} is read as its description and should start with its name: # ${p.name} ` +
      '<description>. If it is not a description, leave a blank line after it.',
    ko: (p) =>
      `${p.keyword} 바로 위 주석은 설명으로 읽히므로 이름으로 시작해야 합니다: # ${p.name} <설명>. 설명이 아니라면 주석 뒤에 빈 줄을 둡니다.`,
  },
});

function definedNames(instruction: Instruction): string[] {
  if (instruction.keyword === 'FROM') return instruction.stageName ? [instruction.stageName.value.toLowerCase()] : [];
  if (instruction.keyword === 'ARG') return (instruction.pairs ?? []).map((pair) => pair.key.value);
  return [];
}

export const InvalidDefinitionDescription: DocumentRule = {
  code: 'InvalidDefinitionDescription',
  kind: 'build-check',
  scope: 'document',
  severity: 'warning',
  offByDefault: true,
  docs: buildCheckDocs('invalid-definition-description'),
  description: text(
    'A comment directly above a stage or ARG should start with its name.',
    '스테이지나 ARG 바로 위의 주석은 그 이름으로 시작합니다.',
  ),
  messages,
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'InvalidDefinitionDescription' }],
  examples: {
    invalid: [{ dockerfile: '# the base stage\nFROM alpine AS base\n', range: '1:0-1:19' }],
    valid: ['# base is the base stage\nFROM alpine AS base\n# not a description\n\nARG VERSION=1\n#\nARG OTHER\n'],
  },
  check({ tree }) {
    const findings: Finding[] = [];
    let previous: Comment | undefined;
    for (const item of tree.items) {
      if (item.kind === 'instruction') {
        const names = definedNames(item);
        if (previous && names.length > 0 && previous.range.end.line === item.range.start.line - 1) {
          const description = previous.text.replace(/^\s*#/, '').trim();
          // An empty `#` ends the comment block for BuildKit: there is no description then.
          const firstWord = description.split(' ')[0]!;
          if (description !== '' && !names.includes(firstWord)) {
            const example = names.length === 1 ? names[0]! : '<name>';
            const line = previous.range.end.line;
            findings.push({
              range: item.range,
              instruction: item,
              message: messages.descriptionWithoutName({ keyword: item.keyword, name: example }),
              fixes: [
                fix('Insert a blank line after the comment', '주석 뒤에 빈 줄 넣기', [
                  {
                    range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } },
                    newText: '\n',
                  },
                ]),
              ],
            });
          }
        }
      }
      previous = item.kind === 'comment' ? item : undefined;
    }
    return findings;
  },
};
