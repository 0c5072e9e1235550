import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeUserSettings, START_SETTINGS } from '../../scripts/start/userSettings';

function merged(existing: string | undefined): Record<string, unknown> {
  const result = mergeUserSettings(existing);
  assert.equal(result.kind, 'ok', result.kind === 'error' ? result.message : '');
  return JSON.parse(result.kind === 'ok' ? result.text : '') as Record<string, unknown>;
}

describe('mergeUserSettings', () => {
  it('turns workspace trust and the welcome page off', () => {
    const settings = merged(undefined);
    assert.equal(settings['security.workspace.trust.enabled'], false);
    assert.equal(settings['workbench.startupEditor'], 'none');
    assert.deepEqual(settings, START_SETTINGS);
  });

  it('treats an empty file as no settings', () => assert.deepEqual(merged('  \n'), START_SETTINGS));

  it("keeps the user's own settings and overrides only ours", () => {
    const settings = merged(
      JSON.stringify({
        'layerwise.docs.language': 'ko',
        'workbench.startupEditor': 'welcomePage',
        'editor.fontSize': 16,
      }),
    );
    assert.deepEqual(settings, { 'layerwise.docs.language': 'ko', 'editor.fontSize': 16, ...START_SETTINGS });
  });

  it('writes JSON that VS Code reads back unchanged (4-space indent, final newline)', () => {
    const result = mergeUserSettings('{}', { 'a.b': 1 });
    assert.deepEqual(result, { kind: 'ok', text: '{\n    "a.b": 1\n}\n' });
  });

  const invalid: { text: string; message: RegExp }[] = [
    { text: '{ // comment\n "a": 1 }', message: /not plain JSON.*remove comments/ },
    { text: '{ "a": 1, }', message: /not plain JSON/ },
    { text: '[1, 2]', message: /must hold a JSON object/ },
    { text: '"text"', message: /must hold a JSON object/ },
    { text: 'null', message: /must hold a JSON object/ },
  ];
  for (const { text, message } of invalid) {
    it(`explains why it cannot update ${JSON.stringify(text)}`, () => {
      const result = mergeUserSettings(text);
      assert.equal(result.kind, 'error');
      assert.match(result.kind === 'error' ? result.message : '', message);
    });
  }
});
