// `layerwise check --lang ko` prints every parser problem in Korean: the message the parser wrote
// for it, through the same check engine the editor uses.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { JsonReport } from '../../cli/src/format/json';
import { type ProblemCode, parseDockerfile } from '../../core/src/parser';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

// One Dockerfile per parser problem; the Record makes a new code a compile error here until it has one.
const INPUTS: Record<ProblemCode, string> = {
  'unterminated-heredoc': 'FROM alpine:3.20\nRUN <<EOF\necho hi\n',
  'unterminated-quote': 'FROM alpine:3.20\nENV A="b\n',
  'missing-arguments': 'FROM alpine:3.20\nCOPY only\n',
  'unknown-instruction': 'FROM alpine:3.20\nFOO bar\n',
  'invalid-escape': '# escape=x\nFROM alpine:3.20\n',
  'duplicate-directive': '# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1\nFROM alpine:3.20\n',
  'invalid-from': 'FROM alpine:3.20 b c\n',
  'invalid-env': 'FROM alpine:3.20\nENV A\n',
  'invalid-json': 'FROM alpine:3.20\nSHELL /bin/sh -c\n',
  'bad-substitution': 'FROM alpine:3.20\nRUN echo ${A!b}\n',
  'nesting-too-deep': `FROM alpine:3.20\nRUN echo ${'${A:-'.repeat(70)}x${'}'.repeat(70)}\n`,
  'onbuild-trigger': 'FROM alpine:3.20\nONBUILD FROM b\n',
};

const HANGUL = /[\uac00-\ud7a3]/;

/** The parser's own messages for `code` in `text`, in both languages. */
function parserMessages(text: string, code: ProblemCode): { en: string; ko: string }[] {
  const tree = parseDockerfile(text);
  return [...tree.problems, ...tree.instructions.flatMap((i) => i.problems)]
    .filter((problem) => problem.code === code)
    .map((problem) => problem.message);
}

test('every parser problem is printed in Korean with --lang ko, and in English without it', () => {
  const files = Object.fromEntries(Object.entries(INPUTS).map(([code, text]) => [`${code}/Dockerfile`, text]));
  const cwd = makeFolder(files);
  const reports = ['ko', 'en'].map((language) => {
    const run = runLayerwise(['check', '--lang', language, '--format', 'json', '--fail-level', 'none', '.'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as JsonReport;
  });
  for (const [code, text] of Object.entries(INPUTS) as [ProblemCode, string][]) {
    const expected = parserMessages(text, code);
    assert.ok(expected.length > 0, `${code}: the input gives no such problem`);
    for (const [i, language] of (['ko', 'en'] as const).entries()) {
      const file = reports[i]!.files.find((f) => f.path === `${code}/Dockerfile`);
      const printed = (file?.findings ?? []).filter((f) => f.code === code).map((f) => f.message);
      assert.deepEqual(
        printed,
        expected.map((message) => message[language]),
        `${code} in ${language}`,
      );
      for (const message of printed) assert.equal(HANGUL.test(message), language === 'ko', message);
    }
  }
});

test('the text report prints a parser problem in Korean', () => {
  const cwd = makeFolder({ Dockerfile: INPUTS['unknown-instruction'] });
  const run = runLayerwise(['check', '--lang', 'ko', 'Dockerfile'], { cwd });
  assert.equal(run.status, 1);
  assert.match(run.stdout, /Dockerfile:2:1 error unknown-instruction 알 수 없는 명령어입니다: FOO\./);
});
