// The builder probe runs once per CLI configuration for a few minutes, not before every build; a
// probe the CLI did not answer, another configuration, a stale answer or a settings change asks
// again. The probe and the clock are the test's: no docker, no timers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DetectedBuilder } from '../../client/src/docker/builderDetection';
import { BuilderProbeCache, type ProbedSettings } from '../../client/src/docker/builderProbeCache';

const docker: ProbedSettings = { dockerPath: 'docker', dockerContext: '', dockerEnv: {} };
const buildx: DetectedBuilder = { kind: 'buildx', clientVersion: '28.2.2' };
const minute = 60_000;

/** A cache over a counting probe that answers `answers` in turn (the last one from then on), at `clock.now`. */
function countingCache(...answers: Array<DetectedBuilder | Error>) {
  const clock = { now: 1_000_000 };
  const asked: ProbedSettings[] = [];
  const cache = new BuilderProbeCache(
    (settings) => {
      asked.push(settings);
      const answer = answers[Math.min(asked.length, answers.length) - 1] ?? buildx;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    () => clock.now,
  );
  return { cache, asked, clock };
}

describe('builder probe cache', () => {
  it('answers the same configuration from memory for 5 minutes, then probes again', async () => {
    const { cache, asked, clock } = countingCache(buildx, { kind: 'classic', clientVersion: '28.2.2' });
    assert.deepEqual(await cache.builderFor(docker), buildx);
    clock.now += 4 * minute + 59_999;
    assert.deepEqual(await cache.builderFor({ ...docker }), buildx);
    assert.equal(asked.length, 1);
    clock.now += 1;
    assert.deepEqual(await cache.builderFor(docker), { kind: 'classic', clientVersion: '28.2.2' });
    assert.equal(asked.length, 2);
  });

  it('builds started together share one probe', async () => {
    const { cache, asked } = countingCache(buildx);
    const answers = await Promise.all([cache.builderFor(docker), cache.builderFor(docker), cache.builderFor(docker)]);
    assert.deepEqual(answers, [buildx, buildx, buildx]);
    assert.equal(asked.length, 1);
  });

  it('keys on the executable, the context and the environment (not on the order of its variables)', async () => {
    const { cache, asked } = countingCache(buildx);
    const withEnv = { ...docker, dockerEnv: { DOCKER_BUILDKIT: '0', DOCKER_CONFIG: '/c' } };
    const configurations: ProbedSettings[] = [
      docker,
      { ...docker, dockerPath: 'podman' },
      { ...docker, dockerContext: 'prod' },
      { ...docker, dockerContext: 'unix:///run/podman/podman.sock' },
      withEnv,
      { ...docker, dockerEnv: { DOCKER_BUILDKIT: '1', DOCKER_CONFIG: '/c' } },
    ];
    for (const settings of configurations) await cache.builderFor(settings);
    assert.equal(asked.length, configurations.length);
    for (const settings of configurations) await cache.builderFor(settings);
    await cache.builderFor({ ...docker, dockerEnv: { DOCKER_CONFIG: '/c', DOCKER_BUILDKIT: '0' } });
    assert.equal(asked.length, configurations.length);
  });

  it('a probe the CLI did not answer (no client version) or that failed is not remembered', async () => {
    const guessed: DetectedBuilder = { kind: 'classic', clientVersion: undefined };
    const { cache, asked } = countingCache(guessed, new Error('spawn failed'), buildx);
    assert.deepEqual(await cache.builderFor(docker), guessed);
    await assert.rejects(cache.builderFor(docker), /spawn failed/);
    assert.deepEqual(await cache.builderFor(docker), buildx);
    assert.deepEqual(await cache.builderFor(docker), buildx);
    assert.equal(asked.length, 3);
  });

  it('clear() (a layerwise.docker.* setting changed) forgets every answer', async () => {
    const { cache, asked } = countingCache(buildx, { kind: 'podman', clientVersion: '4.3.1' });
    await cache.builderFor(docker);
    cache.clear();
    assert.deepEqual(await cache.builderFor(docker), { kind: 'podman', clientVersion: '4.3.1' });
    assert.equal(asked.length, 2);
  });

  it('a clock that went back does not make an old answer fresh forever', async () => {
    const { cache, asked, clock } = countingCache(buildx);
    await cache.builderFor(docker);
    clock.now -= 60 * minute;
    await cache.builderFor(docker);
    assert.equal(asked.length, 2);
  });
});
