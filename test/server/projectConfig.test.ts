import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  applyProjectConfig,
  checkConfig,
  ProjectConfigs,
  readProjectConfig,
} from '../../core/src/engine/projectConfig';
import { defaultSettings } from '../../core/src/engine/settings';
import { makeFolder, removeFolders } from '../helpers/cli';

after(removeFolders);

test('checkConfig keeps valid diagnostics settings and names each bad key', () => {
  assert.deepEqual(checkConfig({ diagnostics: { enable: false, rules: { A: 'off', B: 'error' } } }), {
    diagnostics: { enable: false, rules: { A: 'off', B: 'error' } },
    problems: [],
  });
  assert.deepEqual(checkConfig({ $schema: 'x', diagnostics: {} }), { diagnostics: {}, problems: [] });
  const bad = checkConfig({ docs: {}, diagnostics: { enable: 'no', rules: { A: 'loud', B: 'info' }, colour: 1 } });
  assert.deepEqual(bad.diagnostics, { rules: { B: 'info' } });
  assert.deepEqual(bad.problems, [
    'unknown key "docs" (only "diagnostics" is read)',
    '"diagnostics.enable" must be a boolean',
    '"diagnostics.rules.A" must be one of off, info, warning, error, not "loud"',
    'unknown setting "diagnostics.colour"',
  ]);
  assert.deepEqual(checkConfig([1]).problems, [
    'the file must hold a JSON object, e.g. {"diagnostics": {"rules": {}}}',
  ]);
  assert.deepEqual(checkConfig({ diagnostics: [] }).problems, ['"diagnostics" must be an object']);
});

test('applyProjectConfig overrides only the keys the file sets; rules merge per code', () => {
  const workspace = { ...defaultSettings(), 'layerwise.diagnostics.rules': { A: 'off', B: 'warning' } } as ReturnType<
    typeof defaultSettings
  >;
  const config = {
    path: '/p/.layerwise.json',
    diagnostics: { rules: { B: 'error', C: 'info' } },
    problems: [],
    unusable: false,
  };
  const applied = applyProjectConfig(workspace, config);
  assert.deepEqual(applied['layerwise.diagnostics.rules'], { A: 'off', B: 'error', C: 'info' });
  assert.equal(applied['layerwise.diagnostics.enable'], true);
  assert.equal(applyProjectConfig(workspace, undefined), workspace);
  assert.equal(
    applyProjectConfig(workspace, { ...config, diagnostics: { enable: false } })['layerwise.diagnostics.enable'],
    false,
  );
  assert.deepEqual(
    workspace['layerwise.diagnostics.rules'],
    { A: 'off', B: 'warning' },
    'the workspace settings are not changed',
  );
});

test('ProjectConfigs finds the nearest file upward, caches per folder until cleared', () => {
  const root = makeFolder({
    '.layerwise.json': '{"diagnostics": {"enable": false}}',
    'a/b/Dockerfile': '',
    'c/.layerwise.json': '{',
    'c/Dockerfile': '',
  });
  const configs = new ProjectConfigs();
  assert.equal(configs.forFile(join(root, 'a/b/Dockerfile'))?.path, join(root, '.layerwise.json'));
  const broken = configs.forFile(join(root, 'c/Dockerfile'))!;
  assert.equal(broken.unusable, true);
  assert.match(broken.problems[0]!, /^not valid JSON/);
  writeFileSync(join(root, 'a/.layerwise.json'), '{}');
  assert.equal(configs.forFile(join(root, 'a/b/Dockerfile'))?.path, join(root, '.layerwise.json'), 'cached');
  configs.clear();
  assert.equal(configs.forFile(join(root, 'a/b/Dockerfile'))?.path, join(root, 'a/.layerwise.json'));
  assert.match(readProjectConfig(join(root, 'none.json')).problems[0]!, /no such file/);
});
