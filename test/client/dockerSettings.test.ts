// The settings schema, its reader, and that package.json contributes exactly these settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultDockerSettings, dockerSettingsSchema, readDockerSettings } from '../../client/src/docker/settings';
import { localizedManifest } from '../helpers/manifest';

interface ContributedProperty {
  type: string;
  default: unknown;
  scope?: string;
  description?: string;
}

// Titles and descriptions are "%key%" placeholders in package.json: compare the English of package.nls.json.
const manifest = localizedManifest<{
  contributes: { configuration: { properties: Record<string, ContributedProperty> } };
}>('en');

describe('docker settings', () => {
  it('defaults when nothing is set', () =>
    assert.deepEqual(
      readDockerSettings(() => undefined),
      defaultDockerSettings,
    ));

  it('reads values and ignores wrong types', () => {
    const values: Record<string, unknown> = {
      'layerwise.docker.path': ' /usr/bin/podman ',
      'layerwise.docker.context': 42,
      'layerwise.build.extraArgs': ['--pull', 7, '--no-cache'],
      'layerwise.run.extraArgs': 'not-a-list',
      'layerwise.build.platform': 'linux/amd64',
    };
    assert.deepEqual(
      readDockerSettings((key) => values[key]),
      {
        ...defaultDockerSettings,
        dockerPath: '/usr/bin/podman',
        buildExtraArgs: ['--pull', '--no-cache'],
        buildPlatform: 'linux/amd64',
      },
    );
  });

  it('an empty docker path falls back to docker', () =>
    assert.equal(readDockerSettings((key) => (key === 'layerwise.docker.path' ? '' : undefined)).dockerPath, 'docker'));

  it('package.json contributes every docker setting with the same type, default, scope and description', () => {
    const contributed = manifest.contributes.configuration.properties;
    for (const [key, spec] of Object.entries(dockerSettingsSchema)) {
      const property = contributed[key];
      assert.ok(property, `${key} is missing from package.json`);
      assert.equal(property.type, spec.type, key);
      assert.deepEqual(property.default, spec.default, key);
      assert.equal(property.scope, spec.scope, key);
      assert.equal(property.description, spec.description, key);
      assert.deepEqual(defaultDockerSettings[spec.key], spec.default);
    }
    const ours = Object.keys(contributed).filter((key) => /^layerwise\.(docker|build|run)\./.test(key));
    assert.deepEqual(ours.sort(), Object.keys(dockerSettingsSchema).sort());
  });
});

describe('contributed commands', () => {
  it('package.json commands match the command catalog', async () => {
    const { dockerCommands, commandCategory } = await import('../../client/src/commands/commandCatalog');
    const contributed = (
      manifest.contributes as unknown as {
        commands: Array<{ command: string; title: string; category: string; icon: string }>;
      }
    ).commands;
    const ours = contributed.filter((command) => command.command.startsWith('layerwise.docker.'));
    assert.deepEqual(
      ours.map(({ command, title, category, icon }) => ({ command, title, category, icon })),
      Object.values(dockerCommands).map((command) => ({
        command: command.id,
        title: command.title,
        category: commandCategory,
        icon: command.icon,
      })),
    );
  });
});
