import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings, readSettings, SERVER_SETTING_KEYS } from '../../core/src/engine/settings';
import { SETTINGS } from '../../core/src/engine/settingsSchema';

// package.json `contributes.configuration` is generated from the schema: test/settings/generatedSettings.test.ts.

test('the server reads exactly the settings the schema gives it, with their defaults', () => {
  assert.deepEqual(
    Object.keys(defaultSettings()),
    Object.keys(SETTINGS).filter((key) => SETTINGS[key as keyof typeof SETTINGS].readBy === 'server'),
  );
  assert.deepEqual(Object.keys(defaultSettings()), SERVER_SETTING_KEYS);
  assert.equal(defaultSettings()['layerwise.formatting.maxLineLength'], 100);
  // Each call gives a fresh copy: changing one never changes the defaults.
  defaultSettings()['layerwise.diagnostics.rules'].A = 'off';
  assert.deepEqual(defaultSettings()['layerwise.diagnostics.rules'], {});
});

test('settings read from the client fall back to defaults on bad values', () => {
  assert.deepEqual(readSettings(undefined), defaultSettings());
  assert.deepEqual(
    readSettings({ diagnostics: { enable: 'yes', rules: { A: 'loud', B: 'off' } }, docs: { language: 'fr' } }),
    {
      ...defaultSettings(),
      'layerwise.diagnostics.rules': { B: 'off' },
    },
  );
  assert.equal(readSettings({ docs: { language: 'ko' } })['layerwise.docs.language'], 'ko');
  assert.equal(readSettings({ docs: { detail: 'full' } })['layerwise.docs.detail'], 'full');
  assert.equal(readSettings({ docs: { detail: 'everything' } })['layerwise.docs.detail'], 'brief');
});

test('formatting indent and inlay hint settings are read with their bounds', () => {
  assert.equal(readSettings({ formatting: { continuationIndent: 2 } })['layerwise.formatting.continuationIndent'], 2);
  // Unset (null) by default: the editor's indentation is used.
  assert.equal(readSettings({})['layerwise.formatting.continuationIndent'], null);
  assert.equal(
    readSettings({ formatting: { continuationIndent: null } })['layerwise.formatting.continuationIndent'],
    null,
  );
  assert.equal(
    readSettings({ formatting: { continuationIndent: 99 } })['layerwise.formatting.continuationIndent'],
    null,
  );
  assert.equal(
    readSettings({ formatting: { continuationIndent: 1.5 } })['layerwise.formatting.continuationIndent'],
    null,
  );
  assert.equal(readSettings({ inlayHints: { variableValues: false } })['layerwise.inlayHints.variableValues'], false);
  assert.equal(readSettings({ inlayHints: { variableValues: 'no' } })['layerwise.inlayHints.variableValues'], true);
  assert.equal(readSettings({ formatting: { maxLineLength: 19 } })['layerwise.formatting.maxLineLength'], 100);
  assert.equal(readSettings({ formatting: { maxLineLength: 1000 } })['layerwise.formatting.maxLineLength'], 1000);
});

test('a section that is not an object, or inherited keys, read as defaults', () => {
  assert.deepEqual(readSettings({ diagnostics: 'off', docs: ['ko'] }), defaultSettings());
  assert.deepEqual(readSettings(Object.create({ diagnostics: { enable: false } })), defaultSettings());
});
