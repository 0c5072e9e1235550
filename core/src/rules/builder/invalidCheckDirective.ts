// A `# check=` parser directive the builder cannot read stops the build.
import { parseCheckOptions } from '../../model';
import type { DocumentRule } from '../rule';
import { text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  invalidDirective: {
    en: (p: { problem: string }) =>
      `The check directive is invalid: ${p.problem}. Write for example # check=skip=JSONArgsRecommended;error=true.`,
    ko: (p) => `check 지시문이 올바르지 않습니다: ${p.problem}. 예: # check=skip=JSONArgsRecommended;error=true.`,
  },
});

export const invalidCheckDirective: DocumentRule = {
  code: 'invalid-check-directive',
  kind: 'builder-error',
  scope: 'document',
  severity: 'error',
  docs: 'https://docs.docker.com/reference/dockerfile/#check',
  description: text('The check parser directive cannot be read.', 'check 파서 지시문을 읽을 수 없습니다.'),
  messages,
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: '# check=skip\nFROM alpine\n', range: '0:8-0:12' }],
    valid: ['# check=skip=all;error=true\nFROM alpine\n'],
  },
  check({ tree }) {
    return tree.directives.flatMap((directive) => {
      if (directive.name !== 'check') return [];
      const { problem } = parseCheckOptions(directive.value);
      if (!problem) return [];
      return [
        {
          range: directive.valueRange,
          message: messages.invalidDirective({ problem }),
        },
      ];
    });
  },
};
