// Reading one setting through the schema: valid values kept, bad ones replaced by the default (a
// record or list keeps its good entries), each bad value named with what was expected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSettingValue } from '../../core/src/engine/settingValue';
import type { SettingKey } from '../../core/src/engine/settingsSchema';

const cases: Array<{ key: SettingKey; raw: unknown; value: unknown; problems: string[] }> = [
  { key: 'layerwise.diagnostics.enable', raw: undefined, value: true, problems: [] },
  { key: 'layerwise.diagnostics.enable', raw: false, value: false, problems: [] },
  {
    key: 'layerwise.diagnostics.enable',
    raw: 'no',
    value: true,
    problems: ['"diagnostics.enable" must be true or false, not "no"'],
  },
  {
    key: 'layerwise.diagnostics.rules',
    raw: { A: 'off', B: 'loud', C: 3 },
    value: { A: 'off' },
    problems: [
      '"diagnostics.rules.B" must be one of off, info, warning, error, not "loud"',
      '"diagnostics.rules.C" must be one of off, info, warning, error, not 3',
    ],
  },
  {
    key: 'layerwise.formatting.continuationIndent',
    raw: 17,
    value: null,
    problems: ['"formatting.continuationIndent" must be a whole number from 0 to 16 or null, not 17'],
  },
  { key: 'layerwise.formatting.continuationIndent', raw: 0, value: 0, problems: [] },
  {
    key: 'layerwise.formatting.maxLineLength',
    raw: 80.5,
    value: 100,
    problems: ['"formatting.maxLineLength" must be a whole number from 20 to 1000, not 80.5'],
  },
  {
    key: 'layerwise.docs.language',
    raw: 'fr',
    value: 'auto',
    problems: ['"docs.language" must be one of auto, en, ko, not "fr"'],
  },
  { key: 'layerwise.docker.path', raw: '  podman ', value: 'podman', problems: [] },
  {
    key: 'layerwise.build.extraArgs',
    raw: ['--pull', 7],
    value: ['--pull'],
    problems: ['"build.extraArgs[1]" must be a string, not 7'],
  },
  {
    key: 'layerwise.run.extraArgs',
    raw: '--rm',
    value: [],
    problems: ['"run.extraArgs" must be a list, each item a string, not "--rm"'],
  },
  {
    key: 'layerwise.diagnostics.allowedRegistries',
    raw: [' ghcr.io ', '*.example.com', 5],
    value: ['ghcr.io', '*.example.com'],
    problems: ['"diagnostics.allowedRegistries[2]" must be a string, not 5'],
  },
  {
    key: 'layerwise.diagnostics.labelSchema',
    raw: { author: 'email', version: 'number' },
    value: { author: 'email' },
    problems: [
      '"diagnostics.labelSchema.version" must be one of text, url, email, semver, hash, rfc3339, spdx, not "number"',
    ],
  },
  { key: 'layerwise.diagnostics.strictLabels', raw: undefined, value: false, problems: [] },
];

describe('readSettingValue', () => {
  for (const { key, raw, value, problems } of cases) {
    it(`${key} = ${JSON.stringify(raw)}`, () => {
      assert.deepEqual(readSettingValue(key, raw), { value, problems });
    });
  }

  it('a long bad value is quoted cut short', () => {
    const [problem] = readSettingValue('layerwise.docs.detail', 'x'.repeat(500)).problems;
    assert.ok(problem!.length < 120, problem);
    assert.match(problem!, /not "x+…$/);
  });

  it('the default handed out is a copy', () => {
    const first = readSettingValue('layerwise.build.extraArgs', undefined).value;
    first.push('--changed');
    assert.deepEqual(readSettingValue('layerwise.build.extraArgs', undefined).value, []);
  });
});
