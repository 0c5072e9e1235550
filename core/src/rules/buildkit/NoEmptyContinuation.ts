// BuildKit check NoEmptyContinuation: an empty line inside a continued instruction (the
// builder skips it today; a future release will reject it). BuildKit's parser warns once per
// instruction, on the line that ends it.
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  emptyLine: {
    en: (p: { keyword: string; count: number }) =>
      p.count === 1
        ? `This continued ${p.keyword} has an empty line inside it: remove it or make it a comment.`
        : `This continued ${p.keyword} has ${p.count} empty lines inside it: remove them or make them comments.`,
    ko: (p) =>
      p.count === 1
        ? `이어지는 ${p.keyword} 명령 안에 빈 줄이 있습니다. 지우거나 주석으로 바꿉니다.`
        : `이어지는 ${p.keyword} 명령 안에 빈 줄이 ${p.count}개 있습니다. 지우거나 주석으로 바꿉니다.`,
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
    invalid: [{ dockerfile: 'FROM alpine\nRUN echo a \\\n\n  && echo b\n', range: '3:0-3:11' }],
    valid: ['FROM alpine\nRUN echo a \\\n# comment\n  && echo b\n'],
  },
  check(instruction) {
    // Empty lines only count when more of the instruction follows them.
    const textEnd = (instruction.argsRange ?? instruction.keywordRange).end;
    const empty = instruction.trivia.filter(
      (trivia) => trivia.kind === 'empty' && trivia.range.start.line < textEnd.line,
    );
    if (empty.length === 0) return [];
    // Like BuildKit, one warning per instruction, on the line that ends it (before any heredoc body).
    return [
      {
        range: { start: { line: textEnd.line, character: 0 }, end: textEnd },
        message: messages.emptyLine({ keyword: instruction.keyword, count: empty.length }),
        fixes: [
          fix(
            empty.length === 1 ? 'Remove the empty line' : 'Remove the empty lines',
            '빈 줄 지우기',
            empty.map((trivia) =>
              replace(
                {
                  start: { line: trivia.range.start.line, character: 0 },
                  end: { line: trivia.range.start.line + 1, character: 0 },
                },
                '',
              ),
            ),
          ),
        ],
      },
    ];
  },
};
