import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings, readSettings, SETTINGS_SCHEMA } from '../../core/src/engine/settings';
import { localizedManifest } from '../helpers/manifest';

// Descriptions are "%key%" placeholders in package.json: compare the English text of package.nls.json.
const manifest = localizedManifest<{
  contributes: {
    configuration: {
      properties: Record<string, { type: string; default: unknown; enum?: string[]; description?: string }>;
    };
  };
}>('en');

test('package.json contributes every server setting with the same type, default, values and description', () => {
  const contributed = manifest.contributes.configuration.properties;
  for (const [key, spec] of Object.entries(SETTINGS_SCHEMA)) {
    const entry = contributed[key];
    assert.ok(entry, `package.json lacks ${key}`);
    assert.deepEqual(entry.type, spec.type, key);
    assert.deepEqual(entry.default, spec.default, key);
    if ('enum' in spec) assert.deepEqual(entry.enum, [...spec.enum], key);
    assert.equal(entry.description, spec.description, key);
  }
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
});
