// Inlay hints with variable values: nested references belong to their outer one's hint, and an
// instruction with 30,000 references is read in one pass (it used to compare every pair).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseText } from '../../core/src/parser';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import { variableValueHints } from '../../server/src/service/variableValueHints';

const hints = (text: string) => {
  const document = new AnalysedDocument('file:///test/Dockerfile', 1, text, parseText(text));
  return variableValueHints(document, 0, document.lines.length, 'en');
};
const labels = (text: string): string[] =>
  hints(text).map((hint) => `${hint.position.line}:${hint.position.character} ${String(hint.label)}`);

test('one hint per outer reference, with the nested ones expanded inside it', () => {
  assert.deepEqual(
    labels('ARG A=1 B=two E=\nFROM alpine:${E:-$A}-${B}\nARG A B E\nWORKDIR /${E:-${A}/${B:+$A}}/$A\n'),
    ['1:20 = 1', '1:25 = two', '3:28 = 1/1', '3:31 = 1'],
  );
  // A name nothing defines has no known value: no hint for it or what it holds.
  assert.deepEqual(labels('ARG A=1\nFROM alpine:${C:-$A}\n'), []);
});

test('30,000 references in one WORKDIR, and one nested 1,200 deep: each outer reference once', () => {
  const flat = '${v:-x}'.repeat(30_000);
  let nested = 'x';
  for (let i = 0; i < 1_200; i++) nested = `\${w:-${nested}}`;
  const found = hints(`FROM alpine\nENV v=a\nWORKDIR /${flat}\nWORKDIR /${nested}\n`);
  // Line 2: every reference is known (v=a); line 3 nests past what is expanded: no value, no hint.
  assert.equal(found.length, 30_000);
  assert.ok(found.every((hint) => hint.position.line === 2 && hint.label === '= a'));
  assert.deepEqual([found[0]!.position.character, found[29_999]!.position.character], [16, 9 + 7 * 30_000]);
});

test('a tooltip shows the start of a long value', () => {
  const value = 'v'.repeat(5_000);
  const [hint] = hints(`FROM alpine\nENV V=${value}\nWORKDIR /$V\n`);
  assert.equal(hint!.label, `= ${'v'.repeat(39)}…`);
  assert.equal(String(hint!.tooltip), `Value here: "${'v'.repeat(999)}…".`);
});
