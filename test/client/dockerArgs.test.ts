// Argument arrays for docker build / run / small commands: exact arrays, no shell quoting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  containerLogsArgs,
  containerShellArgs,
  containerStopArgs,
  imageHistoryArgs,
} from '../../client/src/docker/containerCommandArgs';
import { containerRunArgs, InvalidRunRequestError } from '../../client/src/docker/containerRunArgs';
import { describeInvocation, dockerConnection, dockerInvocation } from '../../client/src/docker/dockerInvocation';
import { imageBuildArgs, InvalidBuildRequestError } from '../../client/src/docker/imageBuildArgs';
import { english } from '../../client/src/l10n/translator';

describe('imageBuildArgs', () => {
  const cases: Array<{ name: string; request: Parameters<typeof imageBuildArgs>[0]; expected: string[] }> = [
    {
      name: 'minimal',
      request: { dockerfile: '/w/Dockerfile', context: '/w', tag: 'app:latest' },
      expected: ['build', '-f', '/w/Dockerfile', '-t', 'app:latest', '/w'],
    },
    {
      name: 'target, build args, platform, extra args in order',
      request: {
        dockerfile: '/w/Dockerfile',
        context: '/w',
        tag: 'app:dev',
        target: 'web',
        buildArgs: [
          { name: 'GREETING', value: 'hello world' },
          { name: 'EMPTY', value: '' },
        ],
        platform: 'linux/arm64',
        extraArgs: ['--pull', '--label', 'team=web ui'],
      },
      expected: [
        'build',
        '-f',
        '/w/Dockerfile',
        '-t',
        'app:dev',
        '--target',
        'web',
        '--build-arg',
        'GREETING=hello world',
        '--build-arg',
        'EMPTY=',
        '--platform',
        'linux/arm64',
        '--pull',
        '--label',
        'team=web ui',
        '/w',
      ],
    },
    {
      name: 'paths and values with spaces and quotes stay single elements',
      request: {
        dockerfile: "/my projects/it's/Dockerfile.dev",
        context: "/my projects/it's",
        tag: 'app:1',
        buildArgs: [{ name: 'MSG', value: `say "hi" && rm -rf / ; $(whoami)` }],
      },
      expected: [
        'build',
        '-f',
        "/my projects/it's/Dockerfile.dev",
        '-t',
        'app:1',
        '--build-arg',
        `MSG=say "hi" && rm -rf / ; $(whoami)`,
        "/my projects/it's",
      ],
    },
    {
      name: 'progress style when asked; empty target and platform are left out',
      request: { dockerfile: 'D', context: '.', tag: 'x', target: '', platform: '', progress: 'rawjson' },
      expected: ['build', '-f', 'D', '-t', 'x', '--progress=rawjson', '.'],
    },
    {
      name: 'a context starting with "-" cannot be read as a flag',
      request: { dockerfile: 'D', context: '-weird', tag: 'x' },
      expected: ['build', '-f', 'D', '-t', 'x', './-weird'],
    },
  ];
  for (const { name, request, expected } of cases) {
    it(name, () => assert.deepEqual(imageBuildArgs(request, english), expected));
  }

  it('rejects an invalid build-arg name, an empty tag and an empty context', () => {
    assert.throws(
      () =>
        imageBuildArgs({ dockerfile: 'D', context: '.', tag: 'x', buildArgs: [{ name: 'A B', value: '1' }] }, english),
      InvalidBuildRequestError,
    );
    assert.throws(
      () => imageBuildArgs({ dockerfile: 'D', context: '.', tag: '  ' }, english),
      InvalidBuildRequestError,
    );
    assert.throws(() => imageBuildArgs({ dockerfile: 'D', context: '', tag: 'x' }, english), InvalidBuildRequestError);
  });
});

describe('containerRunArgs', () => {
  it('detached with --rm, a name, published ports and env', () => {
    assert.deepEqual(
      containerRunArgs(
        {
          image: 'app:latest',
          name: 'app',
          detach: true,
          removeWhenStopped: true,
          ports: [
            { hostPort: 18080, containerPort: 8080, protocol: 'tcp' },
            { hostPort: 5353, hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' },
          ],
          env: [{ name: 'MODE', value: 'a b "c"' }],
          extraArgs: ['--memory', '512m'],
        },
        english,
      ),
      [
        'run',
        '--rm',
        '-d',
        '--name',
        'app',
        '-p',
        '18080:8080',
        '-p',
        '127.0.0.1:5353:53/udp',
        '-e',
        'MODE=a b "c"',
        '--memory',
        '512m',
        'app:latest',
      ],
    );
  });

  it('interactive with a command after the image', () => {
    assert.deepEqual(
      containerRunArgs(
        { image: 'app', interactive: true, removeWhenStopped: true, command: ['sh', '-c', 'echo $HOME'] },
        english,
      ),
      ['run', '--rm', '-it', 'app', 'sh', '-c', 'echo $HOME'],
    );
  });

  it('rejects bad names, both -d and -it, an image that looks like a flag', () => {
    assert.throws(() => containerRunArgs({ image: 'app', name: '-x' }, english), InvalidRunRequestError);
    assert.throws(() => containerRunArgs({ image: 'app', name: 'a b' }, english), InvalidRunRequestError);
    assert.throws(
      () => containerRunArgs({ image: 'app', detach: true, interactive: true }, english),
      InvalidRunRequestError,
    );
    assert.throws(() => containerRunArgs({ image: '--privileged' }, english), InvalidRunRequestError);
    assert.throws(
      () => containerRunArgs({ image: 'app', env: [{ name: 'A=B', value: '1' }] }, english),
      InvalidRunRequestError,
    );
  });
});

describe('small commands', () => {
  it('stop, logs, shell, history', () => {
    assert.deepEqual(containerStopArgs('web', english), ['stop', 'web']);
    assert.deepEqual(containerStopArgs('web', english, 2), ['stop', '-t', '2', 'web']);
    assert.deepEqual(containerLogsArgs('web', true, english), ['logs', '-f', 'web']);
    assert.deepEqual(containerShellArgs('web', english), ['exec', '-it', 'web', 'sh']);
    assert.deepEqual(imageHistoryArgs('app:1', english), [
      'history',
      '--no-trunc',
      '--human=false',
      '--format',
      '{{json .}}',
      'app:1',
    ]);
    assert.throws(() => containerStopArgs('--all', english));
  });
});

describe('dockerConnection / dockerInvocation', () => {
  it('empty: nothing added', () =>
    assert.deepEqual(dockerConnection({ dockerContext: '' }), { globalArgs: [], env: {} }));
  it('a context name becomes --context', () =>
    assert.deepEqual(dockerInvocation({ dockerPath: 'docker', dockerContext: 'prod' }, ['ps']), {
      executable: 'docker',
      args: ['--context', 'prod', 'ps'],
      env: {},
    }));
  for (const url of ['unix:///var/run/docker.sock', 'tcp://10.0.0.2:2376', 'ssh://me@host']) {
    it(`${url} becomes DOCKER_HOST`, () =>
      assert.deepEqual(dockerInvocation({ dockerPath: 'podman', dockerContext: url }, ['ps']), {
        executable: 'podman',
        args: ['ps'],
        env: { DOCKER_HOST: url, CONTAINER_HOST: url },
      }));
  }
  it('describes an invocation with display quoting', () =>
    assert.equal(
      describeInvocation({ executable: 'docker', args: ['build', '-t', 'a:b', "it's here"], env: {} }),
      `docker build -t a:b 'it'\\''s here'`,
    ));
});
