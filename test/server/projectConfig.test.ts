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

test('checkConfig keeps valid settings and names each bad key', () => {
  assert.deepEqual(checkConfig({ diagnostics: { enable: false, rules: { A: 'off', B: 'error' } } }), {
    settings: { 'layerwise.diagnostics.enable': false, 'layerwise.diagnostics.rules': { A: 'off', B: 'error' } },
    problems: [],
  });
  assert.deepEqual(checkConfig({ $schema: 'x', diagnostics: {} }), { settings: {}, problems: [] });
  const bad = checkConfig({ docs: {}, diagnostics: { enable: 'no', rules: { A: 'loud', B: 'info' }, colour: 1 } });
  assert.deepEqual(bad.settings, { 'layerwise.diagnostics.rules': { B: 'info' } });
  assert.deepEqual(bad.problems, [
    'unknown key "docs" (only "diagnostics" is read)',
    '"diagnostics.enable" must be true or false, not "no"',
    '"diagnostics.rules.A" must be one of off, info, warning, error, not "loud"',
    'unknown setting "diagnostics.colour"',
  ]);
  assert.deepEqual(checkConfig([1]).problems, [
    'the file must hold a JSON object, e.g. {"diagnostics": {"rules": {}}}',
  ]);
  assert.deepEqual(checkConfig({ diagnostics: [] }).problems, ['"diagnostics" must be an object']);
  assert.deepEqual(checkConfig({ diagnostics: { rules: ['A'] } }).problems, [
    '"diagnostics.rules" must be an object, not ["A"]',
  ]);
  // Settings that only the editor reads are not project settings.
  assert.deepEqual(checkConfig({ docs: { language: 'ko' } }).problems, [
    'unknown key "docs" (only "diagnostics" is read)',
  ]);
});

test('applyProjectConfig overrides only the keys the file sets; rules merge per code', () => {
  const workspace = { ...defaultSettings(), 'layerwise.diagnostics.rules': { A: 'off', B: 'warning' } } as ReturnType<
    typeof defaultSettings
  >;
  const config = {
    path: '/p/.layerwise.json',
    settings: { 'layerwise.diagnostics.rules': { B: 'error', C: 'info' } } as const,
    problems: [],
    unusable: false,
  };
  const applied = applyProjectConfig(workspace, config);
  assert.deepEqual(applied['layerwise.diagnostics.rules'], { A: 'off', B: 'error', C: 'info' });
  assert.equal(applied['layerwise.diagnostics.enable'], true);
  assert.equal(applyProjectConfig(workspace, undefined), workspace);
  assert.equal(
    applyProjectConfig(workspace, { ...config, settings: { 'layerwise.diagnostics.enable': false } })[
      'layerwise.diagnostics.enable'
    ],
    false,
  );
  assert.deepEqual(
    workspace['layerwise.diagnostics.rules'],
    { A: 'off', B: 'warning' },
    'the workspace settings are not changed',
  );
});

test('.layerwise.json is JSONC: comments and trailing commas are read; a mistake names its line and column', () => {
  const root = makeFolder({
    'ok/.layerwise.json': [
      '// Project settings',
      '{',
      '  /* the loud rule is fine here */',
      '  "diagnostics": { "rules": { "JSONArgsRecommended": "off", }, },',
      '}',
    ].join('\n'),
    'broken/.layerwise.json': '{\r\n  "diagnostics": {\r\n    "enable": false\r\n    "rules": {}\r\n  }\r\n}',
    'empty/.layerwise.json': '',
  });
  const ok = readProjectConfig(join(root, 'ok/.layerwise.json'));
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ok.settings, { 'layerwise.diagnostics.rules': { JSONArgsRecommended: 'off' } });
  const broken = readProjectConfig(join(root, 'broken/.layerwise.json'));
  assert.equal(broken.unusable, true);
  assert.deepEqual(broken.problems, ['not valid JSON (line 4, column 5: a comma is expected)']);
  assert.deepEqual(readProjectConfig(join(root, 'empty/.layerwise.json')).problems, [
    'not valid JSON (line 1, column 1: a value is expected)',
  ]);
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
