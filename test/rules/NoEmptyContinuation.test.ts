// NoEmptyContinuation as BuildKit's parser reports it: once per instruction, on its last line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf } from '../helpers/rules';

const on = (text: string): string[] => findingsOf(text, 'NoEmptyContinuation');

test('one warning on the line that ends the continued instruction', () => {
  assert.deepEqual(on('FROM alpine\nCOPY a \\\n\n.\n'), ['NoEmptyContinuation@3:0-3:1']);
  assert.deepEqual(on('FROM alpine\nRUN a \\\n\n  && b \\\n\n  && c\n'), ['NoEmptyContinuation@5:0-5:6']);
});

test('a heredoc body is not part of the line that ends the instruction', () => {
  assert.deepEqual(on('FROM alpine\nRUN cat <<EOF \\\n\n  && echo b\nbody\nEOF\n'), ['NoEmptyContinuation@3:0-3:11']);
});

test('near misses: a comment line inside, no empty line, blank lines after the instruction', () => {
  assert.deepEqual(on('FROM alpine\nRUN a \\\n# note\n  && b\n'), []);
  assert.deepEqual(on('FROM alpine\nRUN a \\\n  && b\n\n'), []);
});
