// What the manifest tells a web extension host: the browser entry the build writes and packs, the
// virtual-workspace support it declares, and every command that needs Docker (or file: URIs)
// hidden and disabled where only the web worker host runs (`!isWeb || remoteName`, and never once
// the browser client has set `layerwise.webExtensionHost`), where the browser client never
// registers them. Plain `!isWeb` would be wrong: code-server's workbench is a web page, so isWeb is
// true there even for Layerwise in code-server's Node host, which can run Docker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { nlsBundle, rawManifest } from '../helpers/manifest';

interface Manifest {
  browser: string;
  capabilities: { virtualWorkspaces: { supported: string; description: string } };
  contributes: {
    commands: { command: string; enablement?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

const manifest = rawManifest<Manifest>();
/** Commands the browser client (client/src/browserExtension.ts) does not register. */
const NODE_HOST_ONLY = '!layerwise.webExtensionHost && (!isWeb || remoteName)';
/** The walkthrough's commands the browser client registers too (client/src/walkthrough/browserWalkthrough.ts). */
const BROWSER_WALKTHROUGH = new Set(['layerwise.walkthrough.openExample', 'layerwise.walkthrough.reorderExample']);
const desktopOnly = (command: string): boolean =>
  command.startsWith('layerwise.docker.') ||
  (command.startsWith('layerwise.walkthrough.') && !BROWSER_WALKTHROUGH.has(command)) ||
  command === 'layerwise.whatRebuilds';

test('the browser entry is the bundle the build writes, and it is packed', () => {
  assert.equal(manifest.browser, './dist/browser/extension.js');
  assert.match(readFileSync('scripts/build.mjs', 'utf8'), /outfile: 'dist\/browser\/extension\.js'/);
  const packed = readFileSync('.vscodeignore', 'utf8').split('\n');
  for (const bundle of ['dist/browser/extension.js', 'dist/browser/server.js'])
    assert.ok(packed.includes(`!${bundle}`));
});

test('virtual workspaces are declared as limited, described in English and Korean', () => {
  const { supported, description } = manifest.capabilities.virtualWorkspaces;
  assert.equal(supported, 'limited');
  const key = description.slice(1, -1);
  for (const language of ['en', 'ko'] as const) assert.ok(nlsBundle(language)[key], `${language}: ${key}`);
});

test('every desktop-only command is out of the palette and menus in the browser', () => {
  const hidden = manifest.contributes.commands.map((entry) => entry.command).filter(desktopOnly);
  assert.ok(hidden.length >= 8, `the Docker commands are there: ${hidden.join(', ')}`);
  const palette = manifest.contributes.menus.commandPalette ?? [];
  for (const command of hidden) {
    const entry = palette.find((item) => item.command === command);
    assert.ok(
      entry?.when === 'false' || entry?.when?.includes(NODE_HOST_ONLY),
      `${command} in the palette: ${entry?.when}`,
    );
  }
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
    for (const entry of entries.filter((item) => desktopOnly(item.command)))
      assert.ok(
        entry.when === 'false' || entry.when?.includes(NODE_HOST_ONLY),
        `${menu}: ${entry.command} (${entry.when})`,
      );
  }
  for (const entry of manifest.contributes.commands.filter((item) => item.command.startsWith('layerwise.docker.')))
    assert.ok(entry.enablement?.includes(NODE_HOST_ONLY), `${entry.command} disabled in the browser`);
});

test('the walkthrough commands that work in the browser are not hidden there', () => {
  for (const [menu, entries] of Object.entries(manifest.contributes.menus))
    for (const entry of entries.filter((item) => BROWSER_WALKTHROUGH.has(item.command)))
      assert.ok(!entry.when?.includes('isWeb'), `${menu}: ${entry.command} (${entry.when})`);
  const registered = readFileSync('client/src/walkthrough/browserWalkthrough.ts', 'utf8');
  for (const key of ['openExample', 'reorderExample'])
    assert.match(registered, new RegExp(`walkthroughCommands\\.${key}\\b`));
});
