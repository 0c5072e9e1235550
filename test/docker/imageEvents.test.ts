// Integration: the events watcher against the real engine (docker, and podman where installed):
// a `tag` done outside Layerwise is reported within a few seconds, and disposing the watcher ends
// its events process.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ImageChange } from '../../client/src/docker/imageEvents';
import { ImageEventsWatcher } from '../../client/src/docker/imageEventsWatcher';
import { runDockerProcess } from '../../client/src/docker/processRunner';
import { type DockerSettings, defaultDockerSettings } from '../../client/src/docker/settings';
import { engineSkipReason, eventually, makeBuildContext } from '../helpers/dockerEngine';

const dockerfile = 'FROM scratch\nCOPY busybox /bin/busybox\nCMD ["/bin/busybox", "sh"]\n';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a watcher on `settings`, tags `image` with a new name until the tag is reported (the
 * events stream may not be subscribed yet when the first tag is made), disposes it, and checks
 * that its process is gone. Returns the tags made, for cleanup.
 */
async function tagIsReported(settings: DockerSettings, image: string, run: (args: string[]) => Promise<unknown>) {
  const reported: ImageChange[] = [];
  const watcher = new ImageEventsWatcher({
    settings: () => settings,
    debounceMs: 100,
    onImagesChanged: (changes) => reported.push(...changes),
  });
  const tags: string[] = [];
  try {
    watcher.setWanted(true);
    const pid = watcher.runningPid;
    assert.ok(pid !== undefined, 'an events process was started');
    const seen = await eventually(
      async () => {
        const tag = `layerwise-events-${randomBytes(4).toString('hex')}:tagged`;
        tags.push(tag);
        await run(['tag', image, tag]);
        // Docker names the tag as given; podman adds `localhost/` to a name without a registry.
        return reported.find((change) => change.action === 'tag' && tags.some((t) => change.name?.endsWith(t)));
      },
      15_000,
      'the tag event',
    );
    assert.equal(seen.action, 'tag');
    watcher.dispose();
    await watcher.whenStopped();
    assert.ok(!isAlive(pid), 'the events process is gone after dispose');
  } finally {
    watcher.dispose();
  }
  return tags;
}

describe('image events from the real engine', async () => {
  const skip = await engineSkipReason();
  if (skip !== undefined) console.log(`# skipping image events tests: ${skip}`);
  const podman = (args: string[]) => runDockerProcess({ executable: 'podman', args, env: {} });
  const docker = (args: string[]) => runDockerProcess({ executable: 'docker', args, env: {} });
  const podmanMissing = (await podman(['--version'])).spawnFailure !== undefined;
  const image = `layerwise-events-${randomBytes(4).toString('hex')}:base`;
  let context: ReturnType<typeof makeBuildContext> | undefined;

  before(() => {
    context = makeBuildContext({ Dockerfile: dockerfile });
  });
  after(() => context?.remove());

  it('reports a docker tag made outside Layerwise, and ends its process on dispose', { skip }, async () => {
    const built = await docker(['build', '-q', '-t', image, context!.dir]);
    assert.equal(built.exitCode, 0, built.stderr);
    let tags: string[] = [];
    try {
      tags = await tagIsReported(defaultDockerSettings, image, docker);
    } finally {
      await docker(['rmi', '-f', image, ...tags]);
    }
  });

  it('reports a podman tag the same way', { skip: podmanMissing ? 'podman is not installed' : undefined }, async () => {
    const built = await podman(['build', '-q', '-t', image, context!.dir]);
    assert.equal(built.exitCode, 0, built.stderr);
    let tags: string[] = [];
    try {
      tags = await tagIsReported({ ...defaultDockerSettings, dockerPath: 'podman' }, image, podman);
    } finally {
      await podman(['rmi', '-f', image, ...tags]);
    }
  });
});
