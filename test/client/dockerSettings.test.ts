// The Docker settings reader against the one settings schema, and the contributed docker commands.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOCKER_SETTING_KEYS, defaultDockerSettings, readDockerSettings } from '../../client/src/docker/settings';
import { SETTINGS } from '../../core/src/engine/settingsSchema';
import { localizedManifest } from '../helpers/manifest';

// Titles are "%key%" placeholders in package.json: compare the English of package.nls.json.
const manifest = localizedManifest<{ contributes: Record<string, unknown> }>('en');

describe('docker settings', () => {
  it('defaults when nothing is set', () =>
    assert.deepEqual(defaultDockerSettings, {
      dockerPath: 'docker',
      dockerContext: '',
      dockerEnv: {},
      buildContext: '',
      buildExtraArgs: [],
      runExtraArgs: [],
      buildPlatform: '',
    }));

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

  it('reads every docker, build and run setting of the schema, with the schema default', () => {
    // package.json itself is generated from the schema (test/settings/generatedSettings.test.ts).
    const ours = Object.keys(SETTINGS).filter((key) => /^layerwise\.(docker|build|run)\./.test(key));
    assert.deepEqual(Object.values(DOCKER_SETTING_KEYS).sort(), ours.sort());
    for (const [name, key] of Object.entries(DOCKER_SETTING_KEYS)) {
      assert.equal(SETTINGS[key].readBy, 'client', key);
      assert.deepEqual(defaultDockerSettings[name as keyof typeof DOCKER_SETTING_KEYS], SETTINGS[key].default, key);
    }
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
