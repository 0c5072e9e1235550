// Run, Stop, Logs and Open Shell with podman as with docker: the same argument arrays, ports read
// from `podman port` / `docker port` (real output captured here), and `ps` states in both
// dialects (docker prints `running`, podman 4 prints `Up 13 seconds ago`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  containerLogsArgs,
  containerPortArgs,
  containerShellArgs,
  containerStatesArgs,
  containerStopArgs,
} from '../../client/src/docker/containerCommandArgs';
import { containerRunArgs } from '../../client/src/docker/containerRunArgs';
import { runningContainerNames } from '../../client/src/docker/containerStates';
import { dockerInvocation } from '../../client/src/docker/dockerInvocation';
import { defaultTimeLimit } from '../../client/src/docker/processTimeouts';
import { distinctHostPorts, parsePublishedPorts } from '../../client/src/docker/publishedPorts';
import { defaultDockerSettings } from '../../client/src/docker/settings';
import { english } from '../../client/src/l10n/translator';
import { fixture } from '../helpers/buildOutput';

describe('podman containers', () => {
  it('runs podman with the same argument arrays, and no sandbox-only flags', () => {
    const settings = { ...defaultDockerSettings, dockerPath: 'podman' };
    const run = dockerInvocation(
      settings,
      containerRunArgs(
        {
          image: 'app:1',
          name: 'app-1',
          detach: true,
          removeWhenStopped: true,
          ports: [{ hostPort: 18080, containerPort: 8080, protocol: 'tcp' }],
        },
        english,
      ),
    );
    assert.equal(run.executable, 'podman');
    assert.deepEqual(run.args, ['run', '--rm', '-d', '--name', 'app-1', '-p', '18080:8080', 'app:1']);
    assert.ok(!run.args.some((arg) => arg.startsWith('--ulimit')));
    assert.deepEqual(dockerInvocation(settings, containerPortArgs('app-1', english)).args, ['port', 'app-1']);
    assert.deepEqual(containerStopArgs('app-1', english), ['stop', 'app-1']);
    assert.deepEqual(containerLogsArgs('app-1', true, english), ['logs', '-f', 'app-1']);
    assert.deepEqual(containerShellArgs('app-1', english), ['exec', '-it', 'app-1', 'sh']);
    assert.throws(() => containerPortArgs('--all', english), /not a valid container name/);
    assert.equal(defaultTimeLimit(['port', 'app-1']), defaultTimeLimit(['ps']));
  });

  it('reads `podman port`: one line per binding', () => {
    const ports = parsePublishedPorts(fixture('podman-port.txt'));
    assert.deepEqual(ports, [
      { containerPort: 8080, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 18391 },
      { containerPort: 8081, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 46755 },
      { containerPort: 8080, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 18392 },
    ]);
    assert.deepEqual(distinctHostPorts(ports), [18391, 46755, 18392]);
  });

  it('reads `docker port` from the 28.2 and 20.10 CLIs: IPv6 bindings as [::] or :::', () => {
    for (const name of ['docker-port.txt', 'docker20-port.txt']) {
      const ports = parsePublishedPorts(fixture(name));
      assert.equal(ports.length, 5, name);
      assert.ok(
        ports.some((port) => port.hostIp === '::' && port.hostPort === 18393),
        name,
      );
      assert.deepEqual(distinctHostPorts(ports).sort(), [18393, 18394, 32768], name);
    }
  });

  it('ignores what is not a binding, however long', () => {
    assert.deepEqual(parsePublishedPorts(`Error: no such container\n${'8080/tcp -> '.repeat(5000)}1:2\n`), []);
    assert.deepEqual(parsePublishedPorts('99999/tcp -> 0.0.0.0:1\n8080/tcp -> 0.0.0.0:0\n'), []);
  });

  it('tells running containers in both ps dialects', () => {
    assert.deepEqual(containerStatesArgs(['app-1'], english), [
      'ps',
      '-a',
      '--format',
      '{{.Names}}\t{{.State}}',
      '--filter',
      'name=^app-1$',
    ]);
    const running = runningContainerNames(
      ['app-1\trunning', 'app-2\tUp 13 seconds ago', 'app-3\texited', 'app-4\tExited (0) 2 seconds ago', 'bad'].join(
        '\n',
      ),
    );
    assert.deepEqual([...running].sort(), ['app-1', 'app-2']);
  });
});
