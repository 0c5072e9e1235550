// UndefinedVar's "did you mean": BuildKit suggests from the environment in scope, where PATH
// always is, within two edits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFindings } from '../helpers/rules';

const messages = (text: string): string[] =>
  ruleFindings(text)
    .filter(({ rule }) => rule.code === 'UndefinedVar')
    .map(({ finding }) => finding.message.en);

test('a typo of PATH is offered PATH, on an image stage too', () => {
  assert.deepEqual(messages('FROM alpine\nENV PATH=/opt/bin:$PAHT\n'), [
    '$PAHT is not defined at this point, so it expands to an empty string (did you mean $PATH?).',
  ]);
  assert.match(messages('FROM scratch\nWORKDIR $PTH\n')[0]!, /did you mean \$PATH\?/);
});

test('names two edits away from an ARG are suggested', () => {
  assert.match(messages('FROM scratch\nARG VERSION\nCOPY $VERSOIN /\n')[0]!, /did you mean \$VERSION\?/);
});

test('near misses: PATH itself, a name far from any, RUN commands', () => {
  assert.deepEqual(messages('FROM alpine\nENV PATH=$PATH:/x\n'), []);
  // An image whose config is not known may define it; alpine's is recorded, so BuildKit's report is certain there.
  assert.deepEqual(messages('FROM registry.example/unknown:1\nCOPY $SOMETHING_ELSE /\n'), []);
  assert.deepEqual(messages('FROM alpine\nCOPY $SOMETHING_ELSE /\n'), [
    '$SOMETHING_ELSE is not defined at this point, so it expands to an empty string.',
  ]);
  assert.deepEqual(messages('FROM alpine\nRUN echo $PAHT\n'), []);
  assert.deepEqual(messages('FROM scratch\nCOPY $UNRELATED /\n'), [
    '$UNRELATED is not defined at this point, so it expands to an empty string.',
  ]);
});
