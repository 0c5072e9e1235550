// BuildKit check NoEmptyContinuation: an empty line inside a continued instruction (the
// builder skips it today; a future release will reject it).
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  emptyLine: {
    en: (p: { keyword: string }) => `Empty line inside the continued ${p.keyword}: remove it or make it a comment.`,
    ko: (p) => `이어지는 ${p.keyword} 명령 안에 빈 줄이 있습니다. 지우거나 주석으로 바꿉니다.`,
  },
});

export const NoEmptyContinuation: InstructionRule = {
  code: 'NoEmptyContinuation',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('no-empty-continuation'),
  description: text(
    'Empty continuation lines will become errors in a future release.',
    '이어지는 줄 사이의 빈 줄은 앞으로 오류가 됩니다.',
  ),
  messages,
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'NoEmptyContinuation' }],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nRUN echo a \\\n\n  && echo b\n', range: '2:0-2:0' }],
    valid: ['FROM alpine\nRUN echo a \\\n# comment\n  && echo b\n'],
  },
  check(instruction) {
    // Empty lines only count when more of the instruction follows them.
    const lastTextLine = (instruction.argsRange ?? instruction.keywordRange).end.line;
    return instruction.trivia
      .filter((trivia) => trivia.kind === 'empty' && trivia.range.start.line < lastTextLine)
      .map((trivia) => ({
        range: trivia.range,
        message: messages.emptyLine({ keyword: instruction.keyword }),
        fixes: [
          fix('Remove the empty line', '빈 줄 지우기', [
            replace(
              {
                start: { line: trivia.range.start.line, character: 0 },
                end: { line: trivia.range.start.line + 1, character: 0 },
              },
              '',
            ),
          ]),
        ],
      }));
  },
};
