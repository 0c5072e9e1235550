// FinalStageUserRoot follows USER through the stages the final stage is built on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf } from '../helpers/rules';

const on = (text: string): string[] => findingsOf(text, 'FinalStageUserRoot');

test('a final stage built on a stage that ends as root runs as root', () => {
  assert.deepEqual(on('FROM debian:12 AS builder\nUSER root\nFROM builder\nRUN true\n'), [
    'FinalStageUserRoot@2:5-2:12',
  ]);
  assert.deepEqual(on('FROM debian:12 AS a\nUSER 0\nFROM a AS b\nFROM b\n'), ['FinalStageUserRoot@3:5-3:6']);
});

test('near misses: the final stage switches back, the base ends unprivileged, an image base', () => {
  assert.deepEqual(on('FROM debian:12 AS builder\nUSER root\nFROM builder\nUSER app\n'), []);
  assert.deepEqual(on('FROM debian:12 AS builder\nUSER root\nUSER app\nFROM builder\n'), []);
  assert.deepEqual(on('FROM debian:12 AS builder\nUSER root\nFROM debian:12\nCOPY --from=builder /a /a\n'), []);
});
