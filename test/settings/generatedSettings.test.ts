// package.json's settings and schemas/layerwise.schema.json are written from the one settings
// schema by scripts/generate-settings.ts: they must be exactly what it would write now, and they
// must accept what the readers accept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import * as v from 'valibot';
import { checkConfig } from '../../core/src/engine/projectConfig';
import { SETTINGS, type SettingKey } from '../../core/src/engine/settingsSchema';
import { generatedFiles, generatedManifest, PROJECT_SCHEMA_FILE, ROOT } from '../../scripts/generate-settings';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('generated settings files', () => {
  for (const file of generatedFiles()) {
    it(`${file.path} is what npm run settings writes`, () => {
      assert.ok(
        read(file.path) === file.text,
        `${file.path} differs from the settings schema (core/src/engine/settingsSchema.ts): run npm run settings`,
      );
    });
  }

  it('generating again changes nothing, and keeps the rest of package.json as it is', () => {
    const once = generatedManifest(read('package.json'));
    assert.equal(generatedManifest(once), once);
    const manifest = JSON.parse(once) as Record<string, unknown> & { contributes: Record<string, unknown> };
    const before = JSON.parse(read('package.json')) as typeof manifest;
    assert.deepEqual(Object.keys(manifest), Object.keys(before));
    assert.deepEqual(manifest.contributes.commands, before.contributes.commands);
  });

  it('every contributed default is valid for its setting, in JSON Schema and in the schema', () => {
    const ajv = new Ajv({ strict: false });
    const { contributes } = JSON.parse(read('package.json')) as {
      contributes: { configuration: { properties: Record<string, { default: unknown }> } };
    };
    const properties = Object.entries(contributes.configuration.properties);
    assert.deepEqual(
      properties.map(([key]) => key),
      Object.keys(SETTINGS),
    );
    for (const [key, property] of properties) {
      assert.ok(ajv.validate(property, property.default), `${key}: ${ajv.errorsText()}`);
      assert.ok(v.is(SETTINGS[key as SettingKey].schema, property.default), key);
    }
  });

  it('.layerwise.json files the readers accept pass the JSON Schema; files they complain about do not', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(read(PROJECT_SCHEMA_FILE)));
    const files: unknown[] = [
      {},
      { $schema: './schemas/layerwise.schema.json' },
      { diagnostics: {} },
      { diagnostics: { enable: false } },
      { diagnostics: { rules: { JSONArgsRecommended: 'off', 'invalid-dockerignore': 'error' } } },
      { diagnostics: { enable: 'no' } },
      { diagnostics: { rules: { A: 'loud' } } },
      { diagnostics: { rules: ['A'] } },
      { diagnostics: { colour: 1 } },
      { diagnostics: [] },
      { docs: { language: 'ko' } },
      [],
      'diagnostics',
    ];
    for (const file of files) {
      const { problems } = checkConfig(file);
      assert.equal(validate(file), problems.length === 0, `${JSON.stringify(file)}: ${problems.join('; ')}`);
    }
  });

  it('the schema file describes each setting with the English text of package.nls.json', () => {
    const schema = JSON.parse(read(PROJECT_SCHEMA_FILE)) as {
      properties: { diagnostics: { properties: Record<string, { description: string }> } };
    };
    const english = JSON.parse(read('package.nls.json')) as Record<string, string>;
    assert.equal(
      schema.properties.diagnostics.properties.enable?.description,
      english['config.diagnostics.enable.description'],
    );
  });
});
