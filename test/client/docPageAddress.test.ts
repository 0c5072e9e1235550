// The "Open the full page" link of a hover: its command is contributed (and hidden from the
// palette, since it needs a page), and a page's virtual document address round-trips.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DOCS_SCHEME, docPageParams, docPagePath } from '../../client/src/commands/docPageAddress';
import { readDocPageParams, SHOW_DOCS_COMMAND } from '../../protocol/src/protocol';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: { commandPalette: { command: string; when: string }[] } };
};

describe('doc pages', () => {
  it('the command is contributed and hidden from the command palette', () => {
    assert.ok(manifest.contributes.commands.some((command) => command.command === SHOW_DOCS_COMMAND));
    assert.equal(
      manifest.contributes.menus.commandPalette.find((entry) => entry.command === SHOW_DOCS_COMMAND)?.when,
      'false',
    );
  });

  it('a page address round-trips through its virtual document path', () => {
    assert.equal(DOCS_SCHEME, 'layerwise-docs');
    for (const params of [
      { path: 'instruction/RUN.md', language: 'en' },
      { path: 'flag/RUN--mount.md', language: 'ko' },
    ] as const) {
      assert.deepEqual(docPageParams(docPagePath(params)), params);
    }
    assert.equal(docPagePath({ path: 'mount/cache.md', language: 'ko' }), '/ko/mount/cache.md');
  });

  it('malformed addresses and arguments name no page', () => {
    for (const path of [
      '/fr/instruction/RUN.md',
      '/en/../../etc/passwd.md',
      '/en/instruction/RUN',
      'en/instruction/RUN.md',
      '/en/a/b/c.md',
    ])
      assert.equal(docPageParams(path), undefined, path);
    for (const value of [
      undefined,
      null,
      'instruction/RUN.md',
      { path: 'instruction/RUN.md' },
      { path: 1, language: 'en' },
    ])
      assert.equal(readDocPageParams(value), undefined, JSON.stringify(value));
  });
});
