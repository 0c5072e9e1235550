// Which time limit each docker command gets, how it is named in messages, and the wording of
// timeouts and cancellations. Pure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  containerStatesArgs,
  containerStopArgs,
  dockerVersionArgs,
  imageHistoryArgs,
  imageIdArgs,
} from '../../client/src/docker/containerCommandArgs';
import { containerRunArgs } from '../../client/src/docker/containerRunArgs';
import { dockerInvocation } from '../../client/src/docker/dockerInvocation';
import { imageBuildArgs } from '../../client/src/docker/imageBuildArgs';
import { formatTimeLimit, processProblem } from '../../client/src/docker/processOutcome';
import {
  commandLabel,
  defaultTimeLimit,
  dockerTimeLimits,
  noTimeLimit,
  subcommandOf,
} from '../../client/src/docker/processTimeouts';
import { defaultDockerSettings } from '../../client/src/docker/settings';
import { english } from '../../client/src/l10n/translator';

describe('docker time limits', () => {
  const build = imageBuildArgs({ dockerfile: '/w/Dockerfile', context: '/w', tag: 'app:latest' }, english);
  const cases: Array<[string, string[], number]> = [
    ['version (the readiness probe)', dockerVersionArgs(), dockerTimeLimits.probe],
    ['history', imageHistoryArgs('app:latest', english), dockerTimeLimits.query],
    ['image inspect', imageIdArgs('app:latest', english), dockerTimeLimits.query],
    ['ps', containerStatesArgs(['web'], english), dockerTimeLimits.query],
    ['stop (docker default grace 10 s)', containerStopArgs('web', english), 10_000 + dockerTimeLimits.stopBeyondGrace],
    ['stop -t 2', containerStopArgs('web', english, 2), 2000 + dockerTimeLimits.stopBeyondGrace],
    ['run -d', containerRunArgs({ image: 'app', detach: true }, english), dockerTimeLimits.run],
    ['run attached (lasts as long as the container)', containerRunArgs({ image: 'app' }, english), noTimeLimit],
    ['build', build, noTimeLimit],
    ['logs -f', ['logs', '-f', 'web'], noTimeLimit],
    ['anything else', ['rm', '-f', 'web'], dockerTimeLimits.other],
  ];
  for (const [what, args, limit] of cases) it(what, () => assert.equal(defaultTimeLimit(args), limit));

  it('every limit but the build is seconds or minutes, never none', () => {
    for (const [name, limit] of Object.entries(dockerTimeLimits)) {
      if (name === 'build') assert.equal(limit, noTimeLimit);
      else assert.ok(Number.isFinite(limit) && limit > 0 && limit <= 5 * 60_000, name);
    }
  });

  it('the global --context flag does not hide the subcommand', () => {
    const invocation = dockerInvocation(
      { ...defaultDockerSettings, dockerContext: 'prod' },
      imageIdArgs('app', english),
    );
    assert.deepEqual(invocation.args.slice(0, 2), ['--context', 'prod']);
    assert.deepEqual(subcommandOf(invocation.args), ['image', 'inspect']);
    assert.equal(defaultTimeLimit(invocation.args), dockerTimeLimits.query);
    assert.equal(commandLabel(invocation), 'docker image inspect');
    assert.equal(
      commandLabel({ executable: '/usr/bin/podman', args: containerStopArgs('web', english, 1) }),
      '/usr/bin/podman stop',
    );
    assert.equal(commandLabel({ executable: 'docker', args: [] }), 'docker');
  });
});

describe('time limit messages', () => {
  it('formats limits', () => {
    assert.deepEqual(
      [400, 1500, 10_000, 40_000, 90_000, 300_000, 330_000].map((ms) => formatTimeLimit(ms, english)),
      ['0.4 s', '1.5 s', '10 s', '40 s', '90 s', '5 min', '330 s'],
    );
  });
  it('names the command and the limit, or says it was canceled, or gives the last error line', () => {
    const base = { exitCode: null, stdout: '', stderr: '' };
    const history = { executable: 'docker', args: ['history', 'app'] };
    const stop = { executable: 'docker', args: ['stop', 'web'] };
    const ps = { executable: 'docker', args: ['ps', '-q'] };
    assert.equal(
      processProblem({ ...base, timedOutAfterMs: 20_000 }, history, english),
      '"docker history" did not finish within 20 s; Layerwise ended the process. ' +
        'Check that the Docker daemon is running and responsive.',
    );
    assert.equal(processProblem({ ...base, canceled: true }, stop, english), '"docker stop" was canceled.');
    assert.equal(
      processProblem({ ...base, exitCode: 1, stderr: 'first\nError: No such container: web\n\n' }, stop, english),
      '"docker stop" failed: Error: No such container: web',
    );
    assert.equal(processProblem({ ...base, exitCode: 2 }, ps, english), '"docker ps" failed: exit code 2');
    assert.equal(processProblem({ ...base, exitCode: 0 }, ps, english), undefined);
  });
});
