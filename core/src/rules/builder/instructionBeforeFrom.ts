// Only ARG may come before the first FROM; anything else has no stage to run in.
import { isKnownKeyword } from '../../parser/instructionArguments';
import type { DocumentRule, Finding } from '../rule';
import { referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  beforeFirstFrom: {
    en: (p: { keyword: string }) =>
      `${p.keyword} comes before the first FROM: only ARG may appear there, every other instruction needs a build ` +
      'stage.',
    ko: (p) =>
      `${p.keyword}가 첫 FROM보다 앞에 있습니다. 그 자리에는 ARG만 올 수 있고, 다른 명령어는 빌드 스테이지 안에 있어야 합니다.`,
  },
});

export const instructionBeforeFrom: DocumentRule = {
  code: 'instruction-before-from',
  kind: 'builder-error',
  scope: 'document',
  severity: 'error',
  docs: referenceDocs('understand-how-arg-and-from-interact'),
  description: text(
    'An instruction other than ARG comes before the first FROM.',
    '첫 FROM 앞에 ARG가 아닌 명령어가 있습니다.',
  ),
  messages,
  category: 'builder',
  equivalents: [
    { tool: 'hadolint', id: 'DL3061' },
    { tool: 'droast', id: 'DF037' },
  ],
  examples: {
    invalid: [{ dockerfile: 'ENV A=1\nFROM alpine\n', range: '0:0-0:3' }],
    valid: ['ARG A=1\nFROM alpine\n'],
  },
  check({ tree }) {
    const findings: Finding[] = [];
    for (const instruction of tree.instructions) {
      if (instruction.keyword === 'FROM') break;
      if (instruction.keyword === 'ARG' || !isKnownKeyword(instruction.keyword)) continue;
      findings.push({
        range: instruction.keywordRange,
        message: messages.beforeFirstFrom({ keyword: instruction.keyword }),
      });
    }
    return findings;
  },
};
