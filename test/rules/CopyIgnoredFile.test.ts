// CopyIgnoredFile on `COPY . .`, as BuildKit decides it for the context root.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { findingsOf } from '../helpers/rules';
import { makeContext } from '../helpers/ruleHarness';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function on(dockerignore: string): string[] {
  const made = makeContext({ Dockerfile: '', 'app.js': '', '.dockerignore': dockerignore });
  roots.push(made.root);
  return findingsOf('FROM alpine\nCOPY . .\n', 'CopyIgnoredFile', { buildContext: made.context() });
}

test('COPY . . warns when .dockerignore leaves out everything', () => {
  for (const pattern of ['*', '**', '**/*', '/*', './**'])
    assert.deepEqual(on(`${pattern}\n`), ['CopyIgnoredFile@1:5-1:6']);
});

test('near misses: dotfiles only, some files, a re-include', () => {
  assert.deepEqual(on('.*\n'), []);
  assert.deepEqual(on('*.log\nnode_modules\n'), []);
  assert.deepEqual(on('*\n!app.js\n'), []);
});
