// layerwise.docker.path and layerwise.docker.context are `machine` settings: a repository's
// workspace or folder settings cannot point them at a script in the repository. The reader
// takes them from user (or remote machine) settings and defaults only, even if a VS Code
// version resolved a workspace value for them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  defaultDockerSettings,
  machineSafeGetter,
  machineSettingKeys,
  readDockerSettings,
  type ConfigurationSource,
  type InspectedSetting,
} from '../../client/src/docker/settings';
import { SETTINGS } from '../../core/src/engine/settingsSchema';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
};

/** A configuration as VS Code could resolve it: `get` returns the most specific value, workspace included. */
function configuration(layers: Readonly<Record<string, InspectedSetting>>): ConfigurationSource {
  return {
    get: (key) => {
      const layer = layers[key];
      return layer?.workspaceFolderValue ?? layer?.workspaceValue ?? layer?.globalValue ?? layer?.defaultValue;
    },
    inspect: (key) => layers[key],
  };
}

describe('machine-scoped docker settings', () => {
  it('CLI path and daemon are machine settings in package.json, still restricted in untrusted workspaces', () => {
    assert.deepEqual([...machineSettingKeys].sort(), [
      'layerwise.docker.context',
      'layerwise.docker.env',
      'layerwise.docker.path',
    ]);
    for (const key of machineSettingKeys) {
      assert.equal(manifest.contributes.configuration.properties[key]?.scope, 'machine', key);
      assert.equal(SETTINGS[key as keyof typeof SETTINGS].scope, 'machine', key);
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), key);
    }
  });

  it('workspace and folder values of the CLI path and daemon are ignored', () => {
    const settings = readDockerSettings(
      machineSafeGetter(
        configuration({
          'layerwise.docker.path': {
            defaultValue: 'docker',
            workspaceValue: './scripts/evil.sh',
            workspaceFolderValue: '/repo/evil',
          },
          'layerwise.docker.context': { defaultValue: '', workspaceValue: 'tcp://attacker:2375' },
          'layerwise.build.platform': { defaultValue: '', workspaceValue: 'linux/arm64' },
        }),
      ),
    );
    assert.equal(settings.dockerPath, 'docker');
    assert.equal(settings.dockerContext, '');
    // Resource settings still follow the workspace (they are per project).
    assert.equal(settings.buildPlatform, 'linux/arm64');
  });

  it('the user value wins over the default; the workspace value never does', () => {
    const settings = readDockerSettings(
      machineSafeGetter(
        configuration({
          'layerwise.docker.path': { defaultValue: 'docker', globalValue: '/usr/bin/podman', workspaceValue: './evil' },
          'layerwise.docker.context': {
            defaultValue: '',
            globalValue: 'unix:///run/user/1000/podman/podman.sock',
            workspaceFolderValue: 'tcp://x:1',
          },
        }),
      ),
    );
    assert.equal(settings.dockerPath, '/usr/bin/podman');
    assert.equal(settings.dockerContext, 'unix:///run/user/1000/podman/podman.sock');
  });

  it('nothing inspected (no such setting known): the defaults', () => {
    const settings = readDockerSettings(machineSafeGetter({ get: () => undefined, inspect: () => undefined }));
    assert.deepEqual(settings, defaultDockerSettings);
  });

  it('a user value of the wrong type falls back to the default, as before', () => {
    const settings = readDockerSettings(
      machineSafeGetter(
        configuration({
          'layerwise.docker.path': { defaultValue: 'docker', globalValue: 42, workspaceValue: './evil' },
        }),
      ),
    );
    assert.equal(settings.dockerPath, 'docker');
  });
});
