// Integration: the client's reader of base-image facts against the real engine (docker, and
// podman where installed): what an image's config sets up, null for a missing image or CLI,
// answers cached by image id and checked again after a while or when images changed.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DockerInvocation } from '../../client/src/docker/dockerInvocation';
import { LocalImageFactsReader } from '../../client/src/docker/localImageFacts';
import type { RunOptions } from '../../client/src/docker/processRunner';
import { runDockerProcess } from '../../client/src/docker/processRunner';
import { defaultDockerSettings, type DockerSettings } from '../../client/src/docker/settings';
import { docker, engineSkipReason, makeBuildContext } from '../helpers/dockerEngine';

const baseDockerfile = (greeting: string): string => `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV APP_HOME=/srv/app GREETING="${greeting}"
WORKDIR /srv/app
USER 1000:1000
EXPOSE 8080
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["echo hello"]
`;

/** A reader over the real engine that counts the docker runs and reads a clock the test moves. */
function countingReader(settings: DockerSettings = defaultDockerSettings) {
  const runs: DockerInvocation[] = [];
  const clock = { now: 1_000_000 };
  const reader = new LocalImageFactsReader({
    settings: () => settings,
    now: () => clock.now,
    run: (invocation: DockerInvocation, options: RunOptions) => {
      runs.push(invocation);
      return runDockerProcess(invocation, options);
    },
  });
  return { reader, runs, clock };
}

describe('local image facts from the real engine', async () => {
  const skip = await engineSkipReason();
  if (skip !== undefined) console.log(`# skipping local image facts tests: ${skip}`);
  const podman = (args: string[]) => runDockerProcess({ executable: 'podman', args, env: {} });
  const podmanMissing = (await podman(['--version'])).spawnFailure !== undefined;
  const tag = `layerwise-facts-${randomBytes(4).toString('hex')}:base`;
  const missing = `layerwise-facts-missing-${randomBytes(4).toString('hex')}:none`;
  let context: ReturnType<typeof makeBuildContext>;
  /** Images a rebuild left without a tag. */
  const untagged: string[] = [];

  before(async () => {
    if (skip !== undefined) return;
    context = makeBuildContext({
      'first.Dockerfile': baseDockerfile('hello'),
      'second.Dockerfile': baseDockerfile('hi'),
    });
    const built = await docker(['build', '-q', '-f', `${context.dir}/first.Dockerfile`, '-t', tag, context.dir]);
    assert.equal(built.exitCode, 0, built.stderr);
  });

  after(async () => {
    if (skip !== undefined) return;
    await docker(['rmi', '-f', tag, ...untagged]);
    context.remove();
  });

  it('reads the config of a local image and gives null for a missing one, in the order asked', { skip }, async () => {
    const { reader, runs } = countingReader();
    const [first, none, again] = await reader.factsFor([tag, missing, tag]);
    assert.equal(none, null);
    assert.equal(first?.reference, tag);
    assert.match(first?.source.imageId ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(first?.env.slice(1), [
      ['APP_HOME', '/srv/app'],
      ['GREETING', 'hello'],
    ]);
    assert.equal(first?.user, '1000:1000');
    assert.equal(first?.workdir, '/srv/app');
    assert.deepEqual(first?.entrypoint, ['/bin/sh', '-c']);
    assert.deepEqual(first?.cmd, ['echo hello']);
    assert.deepEqual(first?.exposedPorts, ['8080/tcp']);
    // COPY, RUN and WORKDIR (which creates the folder) each add a layer.
    assert.equal(first?.layerCount, 3);
    assert.deepEqual(again, first);
    // One inspect of both (it fails: one is missing), then each alone to tell which.
    assert.deepEqual(
      runs.map((run) => run.args),
      [
        ['image', 'inspect', '--', tag, missing],
        ['image', 'inspect', '--', tag],
        ['image', 'inspect', '--', missing],
      ],
    );
  });

  it('answers from its cache for a short while, then checks the id again', { skip }, async () => {
    const { reader, runs, clock } = countingReader();
    const [first] = await reader.factsFor([tag]);
    assert.equal(runs.length, 1);
    assert.deepEqual(await reader.factsFor([tag]), [first]);
    assert.equal(runs.length, 1, 'answered from the cache');
    clock.now += 60_000;
    assert.deepEqual(await reader.factsFor([tag]), [first]);
    assert.equal(runs.length, 2, 'checked again after a while');
  });

  it('sees a rebuilt image once told that images changed', { skip }, async () => {
    const { reader, runs } = countingReader();
    const [before] = await reader.factsFor([tag]);
    if (before) untagged.push(before.source.imageId);
    const rebuilt = await docker(['build', '-q', '-f', `${context.dir}/second.Dockerfile`, '-t', tag, context.dir]);
    assert.equal(rebuilt.exitCode, 0, rebuilt.stderr);
    assert.deepEqual(await reader.factsFor([tag]), [before], 'not checked again yet');
    reader.forgetReferences();
    const [after] = await reader.factsFor([tag]);
    assert.equal(runs.length, 2);
    assert.notEqual(after?.source.imageId, before?.source.imageId);
    assert.deepEqual(after?.env.at(-1), ['GREETING', 'hi']);
  });

  it('answers null, quietly and without retrying at once, when the CLI is missing', async () => {
    const settings = { ...defaultDockerSettings, dockerPath: '/nonexistent/layerwise/docker' };
    const { reader, runs } = countingReader(settings);
    assert.deepEqual(await reader.factsFor(['a:1', 'b:2']), [null, null]);
    assert.deepEqual(await reader.factsFor(['a:1']), [null]);
    assert.equal(runs.length, 1);
  });

  it('answers null, quietly and without retrying at once, when the daemon is unreachable', { skip }, async () => {
    const settings = { ...defaultDockerSettings, dockerContext: 'tcp://127.0.0.1:1' };
    const { reader, runs } = countingReader(settings);
    assert.deepEqual(await reader.factsFor([tag, missing]), [null, null]);
    assert.deepEqual(await reader.factsFor([tag]), [null]);
    assert.equal(runs.length, 1);
    assert.equal(runs[0]?.env.DOCKER_HOST, 'tcp://127.0.0.1:1');
  });

  it('answers null for what is not a reference, without running anything', async () => {
    const { reader, runs } = countingReader();
    assert.deepEqual(await reader.factsFor(['', '-v', 'a b', 'x'.repeat(1000)]), [null, null, null, null]);
    assert.equal(runs.length, 0);
  });

  it('reads podman the same way', {
    skip: skip ?? (podmanMissing ? 'podman is not installed' : undefined),
  }, async () => {
    const built = await podman(['build', '-q', '-f', `${context.dir}/first.Dockerfile`, '-t', tag, context.dir]);
    assert.equal(built.exitCode, 0, built.stderr);
    try {
      const { reader } = countingReader({ ...defaultDockerSettings, dockerPath: 'podman' });
      const [facts, none] = await reader.factsFor([tag, missing]);
      assert.equal(none, null);
      assert.match(facts?.source.imageId ?? '', /^sha256:[0-9a-f]{64}$/);
      assert.equal(facts?.user, '1000:1000');
      assert.deepEqual(facts?.cmd, ['echo hello']);
      assert.deepEqual(facts?.env.at(-1), ['GREETING', 'hello']);
    } finally {
      await podman(['rmi', '-f', tag]);
    }
  });
});
