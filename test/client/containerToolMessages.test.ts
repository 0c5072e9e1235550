// Messages name the tool the user configured: with `layerwise.docker.path` set to podman they say
// Podman, its service and CONTAINER_HOST, in English and Korean. The podman texts below are what
// podman 4.3.1 printed here, on stderr, exit code 125.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordBuild } from '../../client/src/build/buildRecord';
import { classifyDockerProbe, looksUnreachable } from '../../client/src/docker/dockerAvailability';
import { containerTool } from '../../client/src/docker/containerTool';
import { processProblem } from '../../client/src/docker/processOutcome';
import { outlineDockerfile } from '../../client/src/docker/parsedDockerfile';
import { english } from '../../client/src/l10n/translator';
import { korean } from '../helpers/translators';

const cannotConnect =
  'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection ' +
  'list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM';

/** `podman <flags> version --format {{json .}}` failing as the real podman 4.3.1 did. */
const podmanFailures = {
  /** podman --url unix:///nonexistent version (and CONTAINER_HOST=unix:///nope podman --remote version). */
  missingSocket:
    `${cannotConnect}\n` +
    'Error: unable to connect to Podman socket: Get "http://d/v4.3.1/libpod/_ping": ' +
    'dial unix /nonexistent: connect: no such file or directory\n',
  /** podman --remote --url tcp://127.0.0.1:1 version */
  refusedTcp:
    `${cannotConnect}\n` +
    'Error: unable to connect to Podman socket: Get "http://d/v4.3.1/libpod/_ping": ' +
    'dial tcp 127.0.0.1:1: connect: connection refused\n',
  /** as nobody: podman --remote --url unix:///tmp/lwsock/podman.sock version (a root-only socket) */
  deniedSocket:
    `${cannotConnect}\n` +
    'Error: unable to connect to Podman socket: Get "http://d/v4.3.1/libpod/_ping": ' +
    'dial unix /tmp/lwsock/podman.sock: connect: permission denied\n',
  /** podman --remote --url ssh://nobody@127.0.0.1:1/run/podman.sock version */
  refusedSsh: 'Error: failed to connect: dial tcp 127.0.0.1:1: connect: connection refused\n',
  /** podman --connection nosuch version (and --context nosuch) */
  unknownConnection: 'Error: failed to resolve active destination: "nosuch" service destination not found\n',
};

function failed(stderr: string) {
  return { exitCode: 125, stdout: '', stderr };
}

describe('messages name the configured tool', () => {
  it('tells podman from docker by the executable', () => {
    for (const executable of ['podman', '/usr/bin/podman', 'C:\\Tools\\podman.exe', 'podman-remote'])
      assert.equal(containerTool(executable).name, 'Podman', executable);
    for (const executable of ['docker', '/usr/local/bin/docker', 'C:\\Docker\\docker.exe', 'podman-wrapper'])
      assert.equal(containerTool(executable).name, 'Docker', executable);
  });

  it('every real podman connection failure reads as "not reachable"', () => {
    for (const [name, stderr] of Object.entries(podmanFailures)) assert.equal(looksUnreachable(stderr), true, name);
    assert.equal(looksUnreachable('Error: unknown flag: --format\n'), false);
  });

  it("podman not reachable: the Podman service and CONTAINER_HOST, with podman's first line as detail", () => {
    assert.deepEqual(classifyDockerProbe(failed(podmanFailures.missingSocket), 'podman', '', english), {
      kind: 'daemonUnreachable',
      message: 'Cannot reach the Podman service. Start Podman, or check "layerwise.docker.context" and CONTAINER_HOST.',
      detail: cannotConnect,
    });
    const ssh = classifyDockerProbe(
      failed(podmanFailures.refusedSsh),
      'podman',
      'ssh://me@host/run/podman.sock',
      english,
    );
    assert.deepEqual(ssh, {
      kind: 'daemonUnreachable',
      message:
        'Cannot reach the Podman service at ssh://me@host/run/podman.sock. ' +
        'Start Podman, or check "layerwise.docker.context" and CONTAINER_HOST.',
      detail: 'Error: failed to connect: dial tcp 127.0.0.1:1: connect: connection refused',
    });
    const korean125 = classifyDockerProbe(failed(podmanFailures.unknownConnection), 'podman', 'nosuch', korean);
    assert.equal(
      korean125.kind === 'daemonUnreachable' ? korean125.message : '',
      'nosuch의 Podman 서비스에 연결할 수 없습니다. ' +
        'Podman 실행 후 다시 시도하거나 "layerwise.docker.context"와 CONTAINER_HOST 값을 확인하세요.',
    );
  });

  it('podman missing: says Podman is not installed, with the setting', () => {
    const spawnFailure = (code: string) => ({
      spawnFailure: { code, message: '' },
      exitCode: null,
      stdout: '',
      stderr: '',
    });
    const onPath = classifyDockerProbe(spawnFailure('ENOENT'), 'podman', '', english);
    assert.deepEqual(onPath, {
      kind: 'cliMissing',
      message:
        'Podman is not installed or not on PATH (layerwise.docker.path = podman). ' +
        'Install Podman, or set "layerwise.docker.path" to the full path of docker or podman.',
    });
    const atPath = classifyDockerProbe(spawnFailure('ENOENT'), '/opt/podman/bin/podman', '', korean);
    assert.equal(
      atPath.kind === 'cliMissing' ? atPath.message : '',
      '"/opt/podman/bin/podman"에서 Podman CLI를 찾지 못했습니다(layerwise.docker.path). ' +
        'Podman 설치 후 다시 시도하거나 "layerwise.docker.path"에 docker 또는 podman의 전체 경로를 지정하세요.',
    );
  });

  it('a podman that does not answer or fails otherwise: the Podman service', () => {
    const silent = classifyDockerProbe(
      { exitCode: null, stdout: '', stderr: '', timedOutAfterMs: 10_000 },
      'podman',
      'tcp://10.0.0.1:8888',
      english,
    );
    assert.equal(
      silent.kind === 'daemonUnreachable' ? silent.message : '',
      '"podman version" did not answer within 10 s, so the Podman service at tcp://10.0.0.1:8888 cannot be used. ' +
        'Check that it is running and responsive, or check "layerwise.docker.context" and CONTAINER_HOST.',
    );
    const other = classifyDockerProbe(failed('Error: unknown flag: --format\n'), 'podman', '', korean);
    assert.equal(
      other.kind === 'daemonUnreachable' ? other.message : '',
      '"podman version"이 실패해 Podman 서비스 연결을 사용할 수 없습니다.',
    );
  });

  it('a podman command past its time limit points at the Podman service', () => {
    const outcome = { exitCode: null, stdout: '', stderr: '', timedOutAfterMs: 20_000 };
    const invocation = { executable: 'podman', args: ['image', 'inspect', 'app'] };
    assert.equal(
      processProblem(outcome, invocation, english),
      '"podman image inspect" did not finish within 20 s; Layerwise ended the process. ' +
        'Check that the Podman service is running and responsive.',
    );
    assert.equal(
      processProblem(outcome, invocation, korean),
      '"podman image inspect"이(가) 20초 안에 끝나지 않아 Layerwise가 프로세스를 종료했습니다. ' +
        '실행 중이고 응답하는지 Podman 서비스 상태를 확인하세요.',
    );
  });

  it('a build that ended without a message does not call itself "docker build"', () => {
    const failedBuild = recordBuild(
      {
        dockerfileUri: 'file:///w/Dockerfile',
        imageTag: 'lw:1',
        target: undefined,
        buildArgs: {},
        startedAt: 0,
        finishedAt: 10,
        exitCode: 125,
        canceled: false,
        parsed: { format: 'unknown', steps: [], tags: [] },
        outline: outlineDockerfile('FROM scratch\n'),
        layers: [],
        builder: 'podman',
      },
      english,
    );
    assert.equal(failedBuild.failure?.message, 'The build exited with code 125.');
  });
});
