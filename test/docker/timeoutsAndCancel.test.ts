// Integration: the real docker CLI, hanging and canceled. A "daemon" that accepts connections
// and never answers makes `docker version` hang forever: the runner ends it at its limit and the
// probe says so. A real build canceled mid-RUN ends at once, its process tree with it, and the
// engine is fine afterwards.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DetectingBuildOutputParser } from '../../client/src/docker/buildOutputParser';
import { dockerVersionArgs } from '../../client/src/docker/containerCommandArgs';
import { classifyDockerProbe } from '../../client/src/docker/dockerAvailability';
import { dockerInvocation } from '../../client/src/docker/dockerInvocation';
import { imageBuildArgs } from '../../client/src/docker/imageBuildArgs';
import { OutputLineSplitter } from '../../client/src/docker/outputLines';
import { processProblem } from '../../client/src/docker/processOutcome';
import { runDockerProcess, startDockerProcess } from '../../client/src/docker/processRunner';
import { defaultDockerSettings } from '../../client/src/docker/settings';
import { english } from '../../client/src/l10n/translator';
import { docker, engineSkipReason, eventually, makeBuildContext, probe } from '../helpers/dockerEngine';
import { isRunning } from '../helpers/processTree';

describe('docker integration: time limits and cancellation', async () => {
  const skip = await engineSkipReason();
  if (skip !== undefined) console.log(`# skipping Docker integration tests: ${skip}`);
  const suffix = randomBytes(4).toString('hex');
  let silentDaemon: Server | undefined;
  const sockets = new Set<Socket>();
  let silentPort = 0;
  let context: ReturnType<typeof makeBuildContext> | undefined;
  const images = new Set<string>();

  before(async () => {
    if (skip !== undefined) return;
    silentDaemon = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silentDaemon?.listen(0, '127.0.0.1', resolve));
    const address = silentDaemon.address();
    silentPort = typeof address === 'object' && address !== null ? address.port : 0;
    // The ENV makes every layer after it this test's own, so removing them touches no other test's cache.
    context = makeBuildContext({
      Dockerfile:
        `FROM scratch\nENV LAYERWISE_CANCEL_TEST=${suffix}\n` +
        'COPY busybox /bin/busybox\nRUN ["/bin/busybox", "sleep", "97"]\n',
    });
  });

  after(async () => {
    for (const socket of sockets) socket.destroy();
    silentDaemon?.close();
    for (const id of [...images].reverse()) await docker(['rmi', id]);
    context?.remove();
  });

  it('`docker version` against a daemon that never answers is ended at the limit, and the probe says so', {
    skip,
  }, async () => {
    const settings = { ...defaultDockerSettings, dockerContext: `tcp://127.0.0.1:${silentPort}` };
    const invocation = dockerInvocation(settings, dockerVersionArgs());
    const started = Date.now();
    const outcome = await runDockerProcess(invocation, { timeoutMs: 1500 });
    assert.equal(outcome.timedOutAfterMs, 1500, JSON.stringify(outcome));
    assert.ok(Date.now() - started < 6000);
    const availability = classifyDockerProbe(outcome, settings.dockerPath, settings.dockerContext, english);
    assert.equal(availability.kind, 'daemonUnreachable');
    assert.match(
      availability.kind === 'daemonUnreachable' ? availability.message : '',
      new RegExp(
        '^"docker version" did not answer within 1\\.5 s, ' +
          `so the Docker daemon at tcp://127\\.0\\.0\\.1:${silentPort} cannot be used\\.`,
      ),
    );
    assert.equal(
      processProblem(outcome, invocation, english),
      '"docker version" did not finish within 1.5 s; Layerwise ended the process. ' +
        'Check that the Docker daemon is running and responsive.',
    );
  });

  it('a build canceled during a long RUN ends within seconds; nothing of it keeps running', { skip }, async () => {
    assert.ok(context);
    const parser = new DetectingBuildOutputParser(english);
    const splitter = new OutputLineSplitter();
    const cancel = new AbortController();
    let output = '';
    let abortedAt = 0;
    let sawRun = false;
    const onChunk = (chunk: string): void => {
      output += chunk;
      for (const line of splitter.push(chunk)) {
        parser.push(line, Date.now());
        // Classic builder: "Step 4/4 : RUN [...sleep...]" then " ---> Running in <id>"; BuildKit: "#6 [3/3] RUN [...]".
        if (line.includes('"sleep"')) sawRun = true;
        if (!cancel.signal.aborted && sawRun && (line.includes('Running in') || line.startsWith('#'))) {
          abortedAt = Date.now();
          cancel.abort();
        }
      }
    };
    const args = imageBuildArgs(
      {
        dockerfile: join(context.dir, 'Dockerfile'),
        context: context.dir,
        tag: `layerwise-cancel-${suffix}:x`,
        extraArgs: ['--force-rm'],
      },
      english,
    );
    const running = startDockerProcess(
      dockerInvocation(defaultDockerSettings, args),
      { onStdout: onChunk, onStderr: onChunk },
      { signal: cancel.signal },
    );
    const pid = running.pid;
    const outcome = await running.outcome;
    const endedAfterMs = Date.now() - abortedAt;
    // The CLI traps SIGTERM and exits 143; like the build terminal, tell the parser it was stopped.
    assert.ok(outcome.exitCode === 143 || outcome.exitCode === null, String(outcome.exitCode));
    const parsed = parser.finish(outcome.canceled === true ? null : outcome.exitCode, Date.now());
    for (const step of parsed.steps) if (step.imageId !== undefined) images.add(step.imageId);
    assert.equal(outcome.canceled, true, output);
    assert.equal(outcome.timedOutAfterMs, undefined);
    assert.ok(abortedAt > 0 && endedAfterMs < 5000, `ended ${endedAfterMs} ms after the cancel`);
    assert.ok(pid !== undefined && !isRunning(pid));
    assert.deepEqual(
      parsed.steps.map((step) => [step.keyword, step.status]).at(-1),
      ['RUN', 'canceled'],
      JSON.stringify(parsed.steps.map((step) => [step.instruction, step.status, step.errorMessage])),
    );
    // The daemon drops the RUN's container and is ready for more.
    const leftover = await eventually(
      async () => {
        const listed = await docker(['ps', '-a', '--no-trunc', '--format', '{{.Command}}']);
        return listed.stdout.includes('sleep 97') ? undefined : true;
      },
      20_000,
      'the canceled RUN container to go',
    );
    assert.equal(leftover, true);
    assert.equal((await probe()).kind, 'ready');
  });
});
