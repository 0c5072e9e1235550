// `layerwise.docker.env`: variables for every docker/podman process the client starts. Read from
// user settings only (never a workspace), restricted in untrusted workspaces, non-string values
// and bad names left out with a message, and passed on by every invocation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dockerVersionArgs, imageHistoryArgs } from '../../client/src/docker/containerCommandArgs';
import { dockerInvocation } from '../../client/src/docker/dockerInvocation';
import { runDockerProcess } from '../../client/src/docker/processRunner';
import {
  defaultDockerSettings,
  dockerSettingProblems,
  machineSafeGetter,
  readDockerSettings,
} from '../../client/src/docker/settings';
import { english } from '../../client/src/l10n/translator';
import { localizedManifest } from '../helpers/manifest';

const manifest = localizedManifest<{
  contributes: { configuration: { properties: Record<string, { scope?: string; type?: string }> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}>('en');

describe('layerwise.docker.env', () => {
  it('is a machine setting of string values, restricted in untrusted workspaces', () => {
    const property = manifest.contributes.configuration.properties['layerwise.docker.env'];
    assert.equal(property?.scope, 'machine');
    assert.equal(property?.type, 'object');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('layerwise.docker.env'));
  });

  it('keeps string values, leaves out others with a clear message instead of failing', () => {
    const values: Record<string, unknown> = {
      'layerwise.docker.env': { DOCKER_BUILDKIT: '1', CONTAINER_HOST: 'unix:///run/podman.sock', BAD: 3, 'A=B': 'x' },
    };
    const get = (key: string): unknown => values[key];
    assert.deepEqual(readDockerSettings(get).dockerEnv, {
      DOCKER_BUILDKIT: '1',
      CONTAINER_HOST: 'unix:///run/podman.sock',
    });
    assert.deepEqual(dockerSettingProblems(get), [
      '"layerwise.docker.env.BAD" must be a string, not 3',
      '"layerwise.docker.env" has "A=B", which is not a variable name',
    ]);
    const notAnObject = (key: string): unknown => (key === 'layerwise.docker.env' ? ['DOCKER_BUILDKIT=1'] : undefined);
    assert.deepEqual(readDockerSettings(notAnObject).dockerEnv, {});
    assert.equal(dockerSettingProblems(notAnObject).length, 1);
    assert.deepEqual(
      dockerSettingProblems(() => undefined),
      [],
    );
  });

  it('a workspace value is never used', () => {
    const get = machineSafeGetter({
      get: () => ({ DOCKER_HOST: 'tcp://attacker:2375' }),
      inspect: () => ({ defaultValue: {}, workspaceValue: { DOCKER_HOST: 'tcp://attacker:2375' } }),
    });
    assert.deepEqual(readDockerSettings(get).dockerEnv, {});
  });

  it('every invocation carries the variables; a daemon URL in docker.context wins over DOCKER_HOST', () => {
    const settings = { ...defaultDockerSettings, dockerEnv: { DOCKER_BUILDKIT: '1', DOCKER_HOST: 'tcp://a:1' } };
    assert.deepEqual(dockerInvocation(settings, dockerVersionArgs()).env, settings.dockerEnv);
    assert.deepEqual(dockerInvocation(settings, imageHistoryArgs('x', english)).env, settings.dockerEnv);
    assert.deepEqual(dockerInvocation({ ...settings, dockerContext: 'unix:///x.sock' }, ['ps']).env, {
      DOCKER_BUILDKIT: '1',
      DOCKER_HOST: 'unix:///x.sock',
      CONTAINER_HOST: 'unix:///x.sock',
    });
  });

  it('the started process sees them', async () => {
    const invocation = dockerInvocation(
      { ...defaultDockerSettings, dockerPath: process.execPath, dockerEnv: { LAYERWISE_PROBE: 'seen' } },
      ['-e', 'process.stdout.write(process.env.LAYERWISE_PROBE ?? "missing")'],
    );
    const outcome = await runDockerProcess(invocation, { timeoutMs: 20_000 });
    assert.equal(outcome.stdout, 'seen');
  });
});
