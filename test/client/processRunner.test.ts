// The process runner against real processes: a fake `docker` (a shell script in a temp dir,
// passed as the CLI path) that hangs, ignores SIGTERM, or leaves a child holding its output.
// Every run ends: by its time limit or by cancellation, with the whole process tree gone and
// an outcome that says why.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { processProblem } from '../../client/src/docker/processOutcome';
import { runDockerProcess, startDockerProcess } from '../../client/src/docker/processRunner';
import { english } from '../../client/src/l10n/translator';
import { eventually } from '../helpers/dockerEngine';
import { isRunning } from '../helpers/processTree';

const posix = process.platform !== 'win32';

describe('process runner: time limits and cancellation (real processes)', {
  skip: posix ? undefined : 'POSIX shell scripts',
}, () => {
  let dir = '';
  const script = (name: string, body: string): string => {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };
  let pidFileCount = 0;
  const pidFile = (): string => join(dir, `child-${++pidFileCount}.pid`);
  const readPid = (file: string): Promise<number> =>
    eventually(
      async () => {
        try {
          const pid = Number(readFileSync(file, 'utf8').trim());
          return pid > 0 ? pid : undefined;
        } catch {
          return undefined;
        }
      },
      5000,
      `the fake docker to write ${file}`,
    );
  const gone = (pid: number): Promise<boolean> =>
    eventually(async () => (isRunning(pid) ? undefined : true), 5000, `process ${pid} to end`);
  const leftovers: number[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'layerwise fake docker-'));
  });
  after(() => {
    for (const pid of leftovers) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('a docker that hangs is ended at its time limit, with its children, and the outcome says so', async () => {
    const docker = script('docker-hangs', 'sleep 1000 &\necho $! > "$CHILD_PID_FILE"\nwait');
    const file = pidFile();
    const started = Date.now();
    const running = startDockerProcess(
      { executable: docker, args: ['version', '--format', '{{json .}}'], env: { CHILD_PID_FILE: file } },
      {},
      { timeoutMs: 400 },
    );
    const child = await readPid(file);
    leftovers.push(child);
    const outcome = await running.outcome;
    const elapsed = Date.now() - started;
    assert.equal(outcome.timedOutAfterMs, 400);
    assert.equal(outcome.exitCode, null);
    assert.equal(outcome.canceled, undefined);
    assert.ok(elapsed >= 400 && elapsed < 4000, `ended after ${elapsed} ms`);
    assert.equal(await gone(child), true, 'the sleep the script started is gone too');
    assert.equal(running.pid === undefined ? true : await gone(running.pid), true);
    assert.equal(
      processProblem(outcome, { executable: 'docker', args: ['version'] }, english),
      '"docker version" did not finish within 0.4 s; Layerwise ended the process. ' +
        'Check that the Docker daemon is running and responsive.',
    );
  });

  it('a docker that ignores SIGTERM is killed after the grace period', async () => {
    const docker = script(
      'docker-stubborn',
      `trap '' TERM\nsleep 1000 &\necho $! > "$CHILD_PID_FILE"\nwhile :; do sleep 1; done`,
    );
    const file = pidFile();
    const started = Date.now();
    const running = startDockerProcess(
      { executable: docker, args: ['ps'], env: { CHILD_PID_FILE: file } },
      {},
      { timeoutMs: 200, killGraceMs: 300 },
    );
    const child = await readPid(file);
    leftovers.push(child);
    const outcome = await running.outcome;
    assert.equal(outcome.timedOutAfterMs, 200);
    assert.equal(outcome.signal, 'SIGKILL');
    assert.ok(Date.now() - started < 4000);
    assert.equal(await gone(child), true);
  });

  it('aborting the signal cancels it: the tree ends and the outcome says canceled, not timed out', async () => {
    const docker = script('docker-cancel', 'sleep 1000 &\necho $! > "$CHILD_PID_FILE"\nwait');
    const file = pidFile();
    const cancel = new AbortController();
    const running = startDockerProcess(
      { executable: docker, args: ['stop', 'web'], env: { CHILD_PID_FILE: file } },
      {},
      { signal: cancel.signal },
    );
    const child = await readPid(file);
    leftovers.push(child);
    assert.equal(running.stopRequested, false);
    cancel.abort();
    const outcome = await running.outcome;
    assert.equal(outcome.canceled, true);
    assert.equal(outcome.timedOutAfterMs, undefined);
    assert.equal(running.stopRequested, true);
    assert.equal(await gone(child), true);
    assert.equal(
      processProblem(outcome, { executable: 'docker', args: ['stop', 'web'] }, english),
      '"docker stop" was canceled.',
    );
  });

  it('stop() ends the tree too (the build terminal: Ctrl+C, close)', async () => {
    const docker = script(
      'docker-build',
      'echo "#1 [internal] load build definition"\nsleep 1000 &\necho $! > "$CHILD_PID_FILE"\nwait',
    );
    const file = pidFile();
    const lines: string[] = [];
    const running = startDockerProcess(
      { executable: docker, args: ['build', '.'], env: { CHILD_PID_FILE: file } },
      { onStdout: (chunk) => lines.push(chunk) },
    );
    const child = await readPid(file);
    leftovers.push(child);
    running.stop(500);
    const outcome = await running.outcome;
    assert.equal(outcome.canceled, true);
    assert.match(outcome.stdout, /load build definition/);
    assert.ok(lines.length > 0);
    assert.equal(await gone(child), true);
  });

  it('an already aborted signal starts nothing', async () => {
    const cancel = new AbortController();
    cancel.abort();
    const marker = join(dir, 'never-written');
    const docker = script('docker-never', `touch "${marker}"`);
    const outcome = await runDockerProcess(
      { executable: docker, args: ['version'], env: {} },
      { signal: cancel.signal },
    );
    assert.equal(outcome.canceled, true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.throws(() => readFileSync(marker), /ENOENT/);
  });

  it('a docker that exits but leaves a child holding its output still gives an outcome', async () => {
    const docker = script('docker-leaves-child', 'sleep 1000 &\necho $! > "$CHILD_PID_FILE"\necho done\nexit 0');
    const file = pidFile();
    const started = Date.now();
    const outcome = await runDockerProcess({
      executable: docker,
      args: ['run', '-d', 'x'],
      env: { CHILD_PID_FILE: file },
    });
    leftovers.push(await readPid(file));
    assert.equal(outcome.exitCode, 0);
    assert.equal(outcome.stdout, 'done\n');
    assert.ok(Date.now() - started < 5000, 'not held open by the child');
  });

  it('a docker that answers in time is not affected by the limit', async () => {
    const docker = script('docker-quick', 'echo "$@"; echo oops >&2; exit 3');
    const outcome = await runDockerProcess(
      { executable: docker, args: ['image', 'inspect', 'app'], env: {} },
      { timeoutMs: 10_000 },
    );
    assert.deepEqual({ ...outcome }, { exitCode: 3, signal: null, stdout: 'image inspect app\n', stderr: 'oops\n' });
    assert.equal(
      processProblem(outcome, { executable: docker, args: ['image', 'inspect', 'app'] }, english),
      `"${docker} image inspect" failed: oops`,
    );
  });

  it('a missing CLI is a spawn failure, as before', async () => {
    const outcome = await runDockerProcess({ executable: join(dir, 'no-such-docker'), args: ['version'], env: {} });
    assert.equal(outcome.spawnFailure?.code, 'ENOENT');
    assert.match(
      processProblem(outcome, { executable: 'docker', args: ['version'] }, english) ?? '',
      /^Could not start "docker version": /,
    );
  });
});
