// LabelKeyFormat: LABEL keys against Docker's label key guidelines, one finding per key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelKeyFormat } from '../../core/src/rules/bestPractice/labelKeyFormat';
import { runRule } from '../helpers/ruleHarness';

const messagesFor = (keys: string): string[] =>
  runRule(labelKeyFormat, `FROM alpine:3.20\nLABEL ${keys}\n`).map((finding) => finding.message.en);

test('each kind of bad key gets its own message', () => {
  assert.match(messagesFor('io.docker.thing=1')[0] ?? '', /io\.docker\.\* namespace.*com\.example\.thing/);
  assert.match(messagesFor('Maintainer=me')[0] ?? '', /upper-case.*\(maintainer\)/);
  assert.match(messagesFor('"build date"=today')[0] ?? '', /characters other than/);
  assert.match(messagesFor('-version=1')[0] ?? '', /start with a letter/);
  assert.match(messagesFor('com.example..name=1')[0] ?? '', /two separators in a row/);
});

test('several keys of one LABEL are read one by one', () => {
  assert.equal(messagesFor('a=1 B=2 c=3 D=4').length, 2);
});

test('keys that follow the guidelines, and keys built from variables, stay quiet', () => {
  for (const keys of [
    'maintainer=me',
    'org.opencontainers.image.source=https://example.com',
    'com.example.some-label=1 version2=x',
    'com.example/under_score=1',
    '${PREFIX}.name=1',
  ])
    assert.deepEqual(messagesFor(keys), [], keys);
});
