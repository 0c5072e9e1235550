// The layer-cache analysis knows the package managers by the names people type: dnf's aliases,
// dnf5 and aptitude.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexUpdate, indexUse } from '../../core/src/cache/packageManagers';

test('dnf aliases use the package index like the commands they stand for', () => {
  for (const action of ['in', 'rei', 'up', 'up-min', 'upgrade-minimal', 'dg', 'dsync'])
    assert.equal(indexUse(['dnf', '-y', action, 'httpd']), 'rpm', action);
  assert.equal(indexUse(['dnf5', 'install', '-y', 'httpd']), 'rpm');
  assert.equal(indexUse(['dnf', 'list', 'installed']), undefined);
});

test('aptitude update and dnf mc refresh the index only', () => {
  assert.equal(indexUpdate(['aptitude', 'update']), 'apt');
  assert.equal(indexUpdate(['dnf', 'mc']), 'rpm');
  assert.equal(indexUpdate(['aptitude', 'install', 'update']), undefined);
});
