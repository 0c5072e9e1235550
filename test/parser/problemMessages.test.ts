import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ProblemCode, parseDockerfile, type SyntaxProblem } from '../../core/src/parser';

// Inputs that make the parser report each problem code; the Record makes a new code a compile
// error here until it has an input (and so a tested message in both languages).
const nested = (depth: number): string => `${'${A:-'.repeat(depth)}x${'}'.repeat(depth)}`;
const INPUTS: Record<ProblemCode, string[]> = {
  'unterminated-heredoc': ['FROM a\nRUN <<EOF\necho hi\n', 'FROM a\nCOPY <<-"END" /x\nbody\n'],
  'unterminated-quote': ['FROM a\nENV A="b\n', "FROM a\nLABEL x='y\n"],
  'missing-arguments': ['FROM a\nRUN\n', 'FROM a\nCOPY only\n', 'FROM a\nADD only\n'],
  'unknown-instruction': ['FROM a\nFOO bar\n'],
  'invalid-escape': ['# escape=x\nFROM a\n'],
  'duplicate-directive': ['# syntax=a\n# syntax=b\nFROM a\n'],
  'invalid-from': ['FROM a b c\n'],
  'invalid-env': ['FROM a\nENV A\n', 'FROM a\nLABEL a=b c\n'],
  'invalid-json': ['FROM a\nSHELL /bin/sh -c\n'],
  'bad-substitution': [
    'FROM a\nRUN echo ${A\n',
    'FROM a\nRUN echo ${}\n',
    'FROM a\nRUN echo ${1a}\n',
    'FROM a\nRUN echo ${A!b}\n',
  ],
  'nesting-too-deep': [`FROM a\nRUN echo ${nested(70)}\n`],
  'onbuild-trigger': ['FROM a\nONBUILD FROM b\n', 'FROM a\nONBUILD ONBUILD RUN x\n'],
};

const HANGUL = /[\uac00-\ud7a3]/;
const allProblems = (text: string): SyntaxProblem[] => {
  const tree = parseDockerfile(text);
  return [...tree.problems, ...tree.instructions.flatMap((i) => [...i.problems, ...(i.trigger?.problems ?? [])])];
};

for (const [code, inputs] of Object.entries(INPUTS) as [ProblemCode, string[]][]) {
  test(`parser problem ${code} has an English and a Korean message`, () => {
    for (const input of inputs) {
      const found = allProblems(input).filter((p) => p.code === code);
      assert.ok(
        found.length > 0,
        `${JSON.stringify(input)} gives no ${code}: ${allProblems(input)
          .map((p) => p.code)
          .join(', ')}`,
      );
      for (const { message } of found) {
        assert.ok(message.en.length > 0 && !HANGUL.test(message.en), `English: ${message.en}`);
        assert.ok(HANGUL.test(message.ko), `Korean: ${message.ko}`);
        assert.notEqual(message.ko, message.en);
        // No English sentence left untranslated inside the Korean text (e.g. a reason).
        assert.doesNotMatch(message.ko, /\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b/, message.ko);
        assert.match(message.ko, /[.)]$/, message.ko);
      }
    }
  });
}

test('Korean parser messages keep the names they report', () => {
  const [unknown] = allProblems('FROM a\nFOO bar\n');
  assert.equal(unknown!.message.ko, '알 수 없는 명령어입니다: FOO.');
  const [heredoc] = allProblems('FROM a\nRUN <<EOF\necho hi\n');
  assert.match(heredoc!.message.ko, /EOF만 있는 줄/);
  const [modifier] = allProblems('FROM a\nRUN echo ${A!b}\n');
  assert.equal(modifier!.message.ko, '변수 치환이 잘못되었습니다: 지원하지 않는 수정자입니다("!").');
});
