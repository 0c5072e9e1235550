// Pure pieces around the commands: availability classification, build context paths, task
// definitions, remembered choices, started containers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileMemory } from '../../client/src/commands/dockerfileMemory';
import { resolveBuildContext } from '../../client/src/docker/buildContextPath';
import { classifyDockerProbe } from '../../client/src/docker/dockerAvailability';
import { StartedContainers } from '../../client/src/docker/startedContainers';
import { parsePortSpec, readBuildTaskDefinition, readRunTaskDefinition } from '../../client/src/docker/taskDefinitions';
import { english } from '../../client/src/l10n/translator';

describe('classifyDockerProbe', () => {
  it('ENOENT: CLI missing, wording for a PATH lookup and for a full path', () => {
    const missing = classifyDockerProbe(
      { spawnFailure: { code: 'ENOENT', message: 'spawn docker ENOENT' }, exitCode: null, stdout: '', stderr: '' },
      'docker',
      '',
      english,
    );
    assert.deepEqual(missing.kind, 'cliMissing');
    assert.equal(
      missing.kind === 'cliMissing' ? missing.message : '',
      'Docker is not installed or not on PATH (layerwise.docker.path = docker). ' +
        'Install Docker, or set "layerwise.docker.path" to the full path of docker or podman.',
    );
    const denied = classifyDockerProbe(
      { spawnFailure: { code: 'EACCES', message: '' }, exitCode: null, stdout: '', stderr: '' },
      '/opt/docker',
      '',
      english,
    );
    assert.match(denied.kind === 'cliMissing' ? denied.message : '', /cannot be executed/);
  });
  it('daemon errors: unreachable, with the first meaningful stderr line as detail', () => {
    const result = classifyDockerProbe(
      {
        exitCode: 1,
        stdout: 'Client:\n Version: 28.2.2\n',
        stderr: 'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?\n',
      },
      'docker',
      'unix:///x.sock',
      english,
    );
    assert.deepEqual(result, {
      kind: 'daemonUnreachable',
      message:
        'Cannot reach the Docker daemon at unix:///x.sock. ' +
        'Start Docker, or check "layerwise.docker.context" and DOCKER_HOST.',
      detail: 'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?',
    });
  });
  it('ready, with the server version when the JSON has it (docker and podman shapes)', () => {
    assert.deepEqual(
      classifyDockerProbe(
        { exitCode: 0, stdout: '{"Client":{},"Server":{"Version":"20.10.24"}}\n', stderr: '' },
        'docker',
        '',
        english,
      ),
      { kind: 'ready', serverVersion: '20.10.24' },
    );
    assert.deepEqual(classifyDockerProbe({ exitCode: 0, stdout: 'not json', stderr: '' }, 'podman', '', english), {
      kind: 'ready',
      serverVersion: undefined,
    });
  });
});

describe('resolveBuildContext', () => {
  it('defaults to the Dockerfile folder; resolves settings against the workspace', () => {
    assert.equal(resolveBuildContext('', '/w/app/Dockerfile', '/w'), '/w/app');
    assert.equal(resolveBuildContext('.', '/w/app/Dockerfile', '/w'), '/w');
    assert.equal(resolveBuildContext('${fileDirname}/..', '/w/app/Dockerfile', '/w'), '/w');
    assert.equal(resolveBuildContext('${workspaceFolder}/ctx dir', '/w/app/Dockerfile', '/w'), '/w/ctx dir');
  });
});

describe('task definitions', () => {
  it('build: typed fields, wrong types dropped, file required', () => {
    assert.deepEqual(
      readBuildTaskDefinition({
        type: 'layerwise-build',
        file: 'Dockerfile',
        tag: 'a:1',
        buildArgs: { A: 'x y', N: 3, BAD: {} },
        extraArgs: ['--pull', 1],
      }),
      {
        file: 'Dockerfile',
        context: undefined,
        tag: 'a:1',
        target: undefined,
        buildArgs: [
          { name: 'A', value: 'x y' },
          { name: 'N', value: '3' },
        ],
        platform: undefined,
        extraArgs: ['--pull'],
      },
    );
    assert.equal(readBuildTaskDefinition({ type: 'layerwise-build' }), undefined);
  });
  it('run: ports, env, detach', () => {
    const run = readRunTaskDefinition({
      image: 'a:1',
      ports: ['8080:80', '127.0.0.1:53:53/udp', 'junk'],
      env: { MODE: 'dev' },
      detach: true,
    });
    assert.deepEqual(run.ports, [
      { hostIp: undefined, hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '127.0.0.1', hostPort: 53, containerPort: 53, protocol: 'udp' },
    ]);
    assert.deepEqual(run.env, [{ name: 'MODE', value: 'dev' }]);
    assert.equal(run.detach, true);
    assert.equal(parsePortSpec('0:80'), undefined);
  });
});

describe('remembered choices and started containers', () => {
  it('merges answers per Dockerfile', async () => {
    const backing = new Map<string, unknown>();
    const memory = new DockerfileMemory({
      get: <T>(key: string) => backing.get(key) as T | undefined,
      update: async (key, value) => void backing.set(key, value),
    });
    await memory.remember('file:///a', { tag: 'a:1', buildArgs: { X: '1' } });
    await memory.remember('file:///a', { buildArgs: { Y: '2' }, lastImage: 'a:1' });
    assert.deepEqual(memory.get('file:///a'), {
      tag: 'a:1',
      buildArgs: { X: '1', Y: '2' },
      hostPorts: {},
      lastImage: 'a:1',
    });
    assert.deepEqual(memory.get('file:///b'), {});
  });
  it('lists newest first and forgets containers that are gone', () => {
    const containers = new StartedContainers();
    containers.add({ name: 'old', image: 'a', dockerfileUri: undefined, hostPorts: [], startedAt: 1 });
    containers.add({ name: 'new', image: 'a', dockerfileUri: undefined, hostPorts: [8080], startedAt: 2 });
    assert.deepEqual(
      containers.list().map((container) => container.name),
      ['new', 'old'],
    );
    containers.retainOnly(new Set(['old']));
    assert.deepEqual(
      containers.list().map((container) => container.name),
      ['old'],
    );
  });
});
