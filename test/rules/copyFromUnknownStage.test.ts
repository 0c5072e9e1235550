// CopyFromUnknownStage: COPY --from that names no stage and cannot be meant as an image: an
// invalid reference, an index past the last stage, or a plain name one typo from a stage name.
// Images (`nginx:1.27`, `docker.io/library/alpine`, a plain name far from every stage or used by a
// FROM) and stages named in another case stay quiet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyFromUnknownStage } from '../../core/src/rules/builder/copyFromUnknownStage';
import { fixed, runRule } from '../helpers/ruleHarness';

const STAGES = 'FROM golang:1.23 AS Build\nFROM node:22 AS assets\nFROM alpine:3.20\n';
const copy = (from: string): string => `${STAGES}COPY --from=${from} /src /dst\n`;
const messagesFor = (from: string): string[] => runRule(copyFromUnknownStage, copy(from)).map((f) => f.message.en);

test('a stage name with a typo fires, with a fix naming the stage', () => {
  for (const typo of ['buidl', 'buld', 'asets', 'assetz']) {
    const [message] = messagesFor(typo);
    assert.match(message ?? '', /did you mean (build|assets)\?/, typo);
  }
  const text = copy('biuld');
  assert.equal(fixed(text, runRule(copyFromUnknownStage, text)[0]), copy('build'));
});

test('a value that is no valid image reference fires', () => {
  assert.match(messagesFor('Builder')[0] ?? '', /did you mean build\?.*not a valid image reference/);
  assert.match(messagesFor('my_stage!')[0] ?? '', /not a valid image reference/);
});

test('an index past the last stage fires; earlier and later indexes do not', () => {
  assert.match(messagesFor('3')[0] ?? '', /this file has 3/);
  assert.deepEqual(messagesFor('0'), []);
  assert.deepEqual(messagesFor('2'), []);
});

test('stages in any case, images and variables stay quiet', () => {
  for (const from of [
    'build',
    'BUILD',
    'assets',
    'nginx:1.27',
    'nginx',
    'docker.io/library/alpine',
    'ghcr.io/acme/builder:1',
    `busybox@sha256:${'a'.repeat(64)}`,
    '$BUILDER',
    '${STAGE:-build}',
  ])
    assert.deepEqual(messagesFor(from), [], from);
});

test('a plain name the file also builds FROM is the image, even one letter from a stage', () => {
  const text = 'FROM node:22 AS nodes\nFROM alpine:3.20\nCOPY --from=node /usr/local/bin/node /usr/local/bin/\n';
  assert.deepEqual(runRule(copyFromUnknownStage, text), []);
});
