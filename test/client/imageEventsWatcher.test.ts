// The runner of the events process, against real processes that behave badly: a CLI that prints a
// 10 MB line and binary junk before an event, one that exits at once (restarts are bounded), one
// that is not there (never retried), settings that change (restart with the new ones), dispose
// (the process is gone).
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { DockerInvocation } from '../../client/src/docker/dockerInvocation';
import type { ImageChange } from '../../client/src/docker/imageEvents';
import { ImageEventsWatcher, type ImageEventsWatcherOptions } from '../../client/src/docker/imageEventsWatcher';
import { startDockerProcess, stopAllDockerProcesses } from '../../client/src/docker/processRunner';
import { type DockerSettings, defaultDockerSettings } from '../../client/src/docker/settings';

const dir = mkdtempSync(join(tmpdir(), 'layerwise-events-'));
const tagLine = readFileSync(join(import.meta.dirname, 'fixtures', 'events-docker.jsonl'), 'utf8').split('\n')[0]!;

/** An executable shell script standing in for the CLI (it ignores the events arguments). */
function fakeCli(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A watcher over real processes that records what it started and reported. */
function watcherFor(settings: () => DockerSettings, extra: Partial<ImageEventsWatcherOptions> = {}) {
  const started: DockerInvocation[] = [];
  const reports: (readonly ImageChange[])[] = [];
  let reported: (() => void) | undefined;
  let gaveUp: (() => void) | undefined;
  const whenReported = new Promise<void>((resolve) => (reported = resolve));
  let whenGaveUp = new Promise<void>((resolve) => (gaveUp = resolve));
  /** The next time it gives up (call before what makes it give up again). */
  const nextGaveUp = (): Promise<void> => (whenGaveUp = new Promise<void>((resolve) => (gaveUp = resolve)));
  const watcher = new ImageEventsWatcher({
    settings,
    debounceMs: 50,
    retryDelaysMs: [5, 10, 20],
    maxFailures: 4,
    ...extra,
    start: (invocation, handlers, options) => {
      started.push(invocation);
      return startDockerProcess(invocation, handlers, options);
    },
    onImagesChanged: (changes) => {
      reports.push(changes);
      reported?.();
    },
    onGaveUp: () => gaveUp?.(),
  });
  return { watcher, started, reports, whenReported, whenGaveUp: () => whenGaveUp, nextGaveUp };
}

describe('image events watcher with hostile processes', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('skips a 10 MB line and binary junk and reports the event after them', async () => {
    const cli = fakeCli(
      'noisy',
      `head -c 10000000 /dev/zero | tr '\\0' x; echo; head -c 200000 /dev/urandom; echo
echo '${tagLine}'; exec sleep 60`,
    );
    const { watcher, reports, whenReported } = watcherFor(() => ({ ...defaultDockerSettings, dockerPath: cli }));
    watcher.setWanted(true);
    await whenReported;
    const pid = watcher.runningPid;
    assert.equal(reports.length, 1);
    assert.deepEqual(
      reports[0]?.map((change) => [change.action, change.name]),
      [['tag', 'lw-events-tag:one']],
    );
    watcher.dispose();
    await watcher.whenStopped();
    assert.ok(pid !== undefined && !isAlive(pid), 'the events process is gone after dispose');
  });

  it('reports a burst of events once', async () => {
    const cli = fakeCli('burst', `for i in 1 2 3 4 5 6 7 8; do echo '${tagLine}'; done; exec sleep 60`);
    const { watcher, reports, whenReported } = watcherFor(() => ({ ...defaultDockerSettings, dockerPath: cli }), {
      debounceMs: 300,
    });
    watcher.setWanted(true);
    await whenReported;
    assert.equal(reports.length, 1);
    assert.equal(reports[0]?.length, 8);
    watcher.dispose();
    await watcher.whenStopped();
  });

  it('restarts a process that exits at once a bounded number of times, then gives up quietly', async () => {
    const cli = fakeCli('exits', 'echo "Cannot connect to the Docker daemon" >&2; exit 1');
    const { watcher, started, whenGaveUp, nextGaveUp } = watcherFor(() => ({
      ...defaultDockerSettings,
      dockerPath: cli,
    }));
    watcher.setWanted(true);
    await whenGaveUp();
    assert.equal(started.length, 4);
    assert.equal(watcher.runningPid, undefined);
    // A settings change (restart) tries again, as many times.
    const gaveUpAgain = nextGaveUp();
    watcher.restart();
    await gaveUpAgain;
    assert.equal(started.length, 8);
    watcher.dispose();
  });

  it('starts nothing again when the CLI is not installed', async () => {
    const { watcher, started, whenGaveUp } = watcherFor(() => ({
      ...defaultDockerSettings,
      dockerPath: join(dir, 'no-such-docker'),
    }));
    watcher.setWanted(true);
    await whenGaveUp();
    assert.equal(started.length, 1);
    assert.equal(watcher.runningPid, undefined);
    watcher.dispose();
  });

  it('does not start again a process ended by deactivation (stopAllDockerProcesses)', async () => {
    const cli = fakeCli('stopped', 'exec sleep 60');
    const { watcher, started, whenGaveUp } = watcherFor(() => ({ ...defaultDockerSettings, dockerPath: cli }));
    watcher.setWanted(true);
    const pid = watcher.runningPid;
    assert.ok(pid !== undefined && isAlive(pid));
    stopAllDockerProcesses();
    await whenGaveUp();
    assert.ok(!isAlive(pid), 'the events process is gone');
    assert.equal(started.length, 1);
    assert.equal(watcher.runningPid, undefined);
    watcher.dispose();
  });

  it('starts nothing while not wanted (untrusted), and stops when no longer wanted', async () => {
    const cli = fakeCli('idle', 'exec sleep 60');
    const { watcher, started } = watcherFor(() => ({ ...defaultDockerSettings, dockerPath: cli }));
    watcher.setWanted(false);
    watcher.restart();
    assert.equal(started.length, 0);
    watcher.setWanted(true);
    const pid = watcher.runningPid;
    assert.ok(pid !== undefined && isAlive(pid));
    const stopped = watcher.whenStopped();
    watcher.setWanted(false);
    await stopped;
    assert.ok(!isAlive(pid), 'the events process is gone once not wanted');
    assert.equal(started.length, 1);
    watcher.dispose();
  });

  it('restarts with the new settings, ending the old process', async () => {
    const first = fakeCli('first', 'exec sleep 60');
    const second = fakeCli('second', 'exec sleep 60');
    let settings: DockerSettings = { ...defaultDockerSettings, dockerPath: first };
    const { watcher, started } = watcherFor(() => settings);
    watcher.setWanted(true);
    const oldPid = watcher.runningPid;
    const oldStopped = watcher.whenStopped();
    settings = { ...settings, dockerPath: second, dockerContext: 'other' };
    watcher.restart();
    await oldStopped;
    assert.ok(oldPid !== undefined && !isAlive(oldPid), 'the old process is gone');
    assert.deepEqual(
      started.map((invocation) => [invocation.executable, invocation.args[0]]),
      [
        [first, 'events'],
        [second, '--context'],
      ],
    );
    const newPid = watcher.runningPid;
    assert.ok(newPid !== undefined && newPid !== oldPid && isAlive(newPid));
    watcher.dispose();
    await watcher.whenStopped();
    assert.ok(!isAlive(newPid), 'the new process is gone after dispose');
  });
});
