// Integration: the argv builders, process runner and output parsers against the real engine.
// Builds from scratch with the static busybox (no registry), runs httpd with a published port,
// fetches a page, stops it; a failing RUN maps to its line; a missing CLI and an unreachable
// daemon give their messages. Everything created is removed at the end.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { recordBuild } from '../../client/src/build/buildRecord';
import { cacheSummary } from '../../client/src/build/buildResults';
import { locateFailure, locateSteps } from '../../client/src/build/stepLocations';
import {
  containerStatesArgs,
  containerStopArgs,
  imageHistoryArgs,
  imageIdArgs,
} from '../../client/src/docker/containerCommandArgs';
import { containerRunArgs } from '../../client/src/docker/containerRunArgs';
import { argsWithoutDefault, exposedPorts, targetChoices } from '../../client/src/docker/dockerfileOutline';
import { imageBuildArgs } from '../../client/src/docker/imageBuildArgs';
import { parseImageHistory } from '../../client/src/docker/imageHistory';
import { outlineDockerfile } from '../../client/src/docker/parsedDockerfile';
import { defaultDockerSettings } from '../../client/src/docker/settings';
import { english } from '../../client/src/l10n/translator';
import {
  buildWithParser,
  docker,
  engineSkipReason,
  eventually,
  pageServedAt,
  freePort,
  makeBuildContext,
  probe,
} from '../helpers/dockerEngine';

const multistageDockerfile = `# syntax=docker/dockerfile:1
FROM scratch AS base
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]

FROM base AS web
ARG GREETING
RUN echo "$GREETING" > /index.html
EXPOSE 8080
CMD ["httpd", "-f", "-p", "8080", "-h", "/"]

FROM base AS never-built
RUN exit 1
`;

const failingDockerfile = `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN echo "about to fail" && \\
    ls /does-not-exist
CMD ["sh"]
`;

describe('docker integration', async () => {
  // Decided before any test is declared: skipped with the reason locally, an error under CI=true.
  const skip = await engineSkipReason();
  if (skip !== undefined) console.log(`# skipping Docker integration tests: ${skip}`);
  const suffix = randomBytes(4).toString('hex');
  const tag = `layerwise-test-${suffix}:web`;
  const containerName = `layerwise-test-${suffix}`;
  const intermediateImages = new Set<string>();
  let context: ReturnType<typeof makeBuildContext>;

  before(() => {
    if (skip !== undefined) return;
    context = makeBuildContext({
      'Dockerfile.multi stage': multistageDockerfile,
      'failing.Dockerfile': failingDockerfile,
    });
  });

  after(async () => {
    if (skip !== undefined) return;
    await docker(['rm', '-f', containerName]);
    await docker(['rmi', '-f', tag]);
    for (const id of intermediateImages) await docker(['rmi', id]);
    context.remove();
  });

  const outline = outlineDockerfile(multistageDockerfile);
  const buildArgs = (): string[] =>
    imageBuildArgs(
      {
        dockerfile: join(context.dir, 'Dockerfile.multi stage'),
        context: context.dir,
        tag,
        target: 'web',
        buildArgs: [{ name: 'GREETING', value: `hello from "layerwise" & co` }],
        extraArgs: ['--force-rm'],
      },
      english,
    );

  it('the outline offers the stages, asks for GREETING, publishes 8080', { skip }, () => {
    assert.deepEqual(targetChoices(outline), ['base', 'web', 'never-built']);
    assert.deepEqual(argsWithoutDefault(outline, 'web'), ['GREETING']);
    assert.deepEqual(exposedPorts(outline, 'web'), [{ port: 8080, protocol: 'tcp' }]);
  });

  it('builds a multi-stage image with a target and a build arg (paths with spaces)', { skip }, async () => {
    const run = await buildWithParser(buildArgs());
    for (const step of run.parsed.steps) if (step.imageId !== undefined) intermediateImages.add(step.imageId);
    assert.equal(run.exitCode, 0, run.text);
    assert.equal(run.parsed.failure, undefined);
    const inspected = await docker(imageIdArgs(tag, english));
    assert.equal(inspected.exitCode, 0, inspected.stderr);
    assert.match(inspected.stdout.trim(), /^sha256:[0-9a-f]{64}$/);
    // The never-built stage is after the target: not one of the steps.
    const located = locateSteps(run.parsed, outline, { GREETING: 'x' });
    assert.ok(
      located.every((step) => step.startLine < 11),
      JSON.stringify(located),
    );
    assert.ok(located.some((step) => step.keyword === 'RUN' && step.startLine === 7));
  });

  it('a rebuild comes from the cache, and the parse says so, with layer sizes from history', { skip }, async () => {
    const startedAt = Date.now();
    const run = await buildWithParser(buildArgs());
    assert.equal(run.exitCode, 0, run.text);
    const history = await docker(imageHistoryArgs(tag, english));
    const result = recordBuild(
      {
        dockerfileUri: 'file:///test/Dockerfile',
        imageTag: tag,
        target: 'web',
        buildArgs: {},
        startedAt,
        finishedAt: Date.now(),
        exitCode: run.exitCode,
        canceled: false,
        parsed: run.parsed,
        outline,
        layers: parseImageHistory(history.stdout),
      },
      english,
    );
    const byLine = new Map(result.instructions.map((instruction) => [instruction.startLine, instruction]));
    for (const line of [2, 3, 7, 8, 9])
      assert.equal(byLine.get(line)?.status, 'cached', `line ${line + 1}: ${run.text}`);
    const summary = cacheSummary(result);
    assert.equal(summary.cached, summary.steps);
    assert.ok((byLine.get(2)?.sizeBytes ?? 0) > 1_000_000, 'COPY busybox adds about 2 MB');
    assert.ok((byLine.get(7)?.sizeBytes ?? 0) > 0, 'RUN echo > /index.html adds a few bytes');
  });

  it('runs it detached with a published port, serves a page, stops', { skip }, async () => {
    const hostPort = await freePort();
    const args = containerRunArgs(
      {
        image: tag,
        name: containerName,
        detach: true,
        removeWhenStopped: true,
        ports: [{ hostPort, containerPort: 8080, protocol: 'tcp' }],
      },
      english,
    );
    const started = await docker(args);
    assert.equal(started.exitCode, 0, started.stderr);
    const body = await pageServedAt(hostPort, '/index.html');
    assert.equal(body, 'hello from "layerwise" & co\n');
    const states = await docker(containerStatesArgs([containerName], english));
    assert.match(states.stdout, new RegExp(`^${containerName}\\trunning`, 'm'));

    const stopped = await docker(containerStopArgs(containerName, english, 1));
    assert.equal(stopped.exitCode, 0, stopped.stderr);
    const gone = await eventually(
      async () =>
        (await docker(containerStatesArgs([containerName], english))).stdout.trim() === '' ? true : undefined,
      15_000,
      '--rm to remove it',
    );
    assert.equal(gone, true);
  });

  it('a failing RUN is located on its lines with the builder message', { skip }, async () => {
    const failingOutline = outlineDockerfile(failingDockerfile);
    const run = await buildWithParser(
      imageBuildArgs(
        {
          dockerfile: join(context.dir, 'failing.Dockerfile'),
          context: context.dir,
          tag: `layerwise-test-${suffix}:failing`,
          extraArgs: ['--force-rm'],
        },
        english,
      ),
    );
    for (const step of run.parsed.steps) if (step.imageId !== undefined) intermediateImages.add(step.imageId);
    assert.notEqual(run.exitCode, 0);
    const failure = locateFailure(run.parsed, failingOutline, locateSteps(run.parsed, failingOutline));
    assert.ok(failure, run.text);
    assert.deepEqual([failure.startLine, failure.endLine], [3, 4]);
    assert.match(failure.message, /non-zero code|did not complete successfully/);
  });

  it('a missing CLI and an unreachable daemon give their own messages', { skip }, async () => {
    const missing = await probe({ ...defaultDockerSettings, dockerPath: '/nonexistent/bin/docker' });
    assert.equal(missing.kind, 'cliMissing');
    assert.match(
      missing.kind === 'cliMissing' ? missing.message : '',
      /^Docker was not found at "\/nonexistent\/bin\/docker" \(layerwise\.docker\.path\)\. Install Docker,/,
    );

    const unreachable = await probe({ ...defaultDockerSettings, dockerContext: 'unix:///nonexistent.sock' });
    assert.equal(unreachable.kind, 'daemonUnreachable');
    if (unreachable.kind === 'daemonUnreachable') {
      assert.match(
        unreachable.message,
        /^Cannot reach the Docker daemon at unix:\/\/\/nonexistent\.sock\. Start Docker,/,
      );
      assert.match(unreachable.detail, /nonexistent\.sock/);
    }
  });
});
