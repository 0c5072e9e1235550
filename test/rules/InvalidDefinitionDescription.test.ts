// InvalidDefinitionDescription as BuildKit reports it: on the FROM/ARG below the comment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf } from '../helpers/rules';

const on = (text: string): string[] =>
  findingsOf(text, 'InvalidDefinitionDescription', { rules: { InvalidDefinitionDescription: 'warning' } });

test('the warning is on the instruction the comment describes, not on the comment', () => {
  assert.deepEqual(on('FROM alpine\n# the version\nARG VERSION=1\n'), ['InvalidDefinitionDescription@2:0-2:13']);
  assert.deepEqual(on('# builder stage\nFROM alpine \\\n  AS build\n'), ['InvalidDefinitionDescription@1:0-2:10']);
});

test('near misses: a matching name, a blank line or an empty # in between', () => {
  assert.deepEqual(on('FROM alpine\n# VERSION to build\nARG VERSION=1\n'), []);
  assert.deepEqual(on('FROM alpine\n# the version\n\nARG VERSION=1\n'), []);
  assert.deepEqual(on('FROM alpine\n# the version\n#\nARG VERSION=1\n'), []);
});
