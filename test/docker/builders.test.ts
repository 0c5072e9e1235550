// Build insight on each builder users have, against the real engine: the classic builder, real
// BuildKit and Podman build the same multi-stage image through the client's own modules (argv,
// process runner, output parser, step locations, build record). A fresh build runs every step,
// a rebuild takes every step from the cache, a changed file in the middle rebuilds its step and
// the rest while the earlier steps stay cached, and a failing RUN is placed on its lines with the
// builder's own words; each time the parse is compared with what the builder itself printed and
// with `history` of the image. `--target` leaves the last stage not built. Each CLI then runs its
// image with a published port that answers HTTP and reads the port back. Everything made is
// removed, also when a test fails.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cacheSummary, type DockerfileBuildResult, type InstructionOutcome } from '../../client/src/build/buildResults';
import {
  containerPortArgs,
  containerStatesArgs,
  containerStopArgs,
} from '../../client/src/docker/containerCommandArgs';
import { containerRunArgs } from '../../client/src/docker/containerRunArgs';
import { runningContainerNames } from '../../client/src/docker/containerStates';
import { outlineDockerfile } from '../../client/src/docker/parsedDockerfile';
import { distinctHostPorts, parsePublishedPorts } from '../../client/src/docker/publishedPorts';
import { english } from '../../client/src/l10n/translator';
import { eventually, freePort, makeBuildContext, pageServedAt } from '../helpers/dockerEngine';
import {
  build,
  builderSkipReason,
  buildkitBuilder,
  classicBuilder,
  engine,
  imageIdsIn,
  podmanBuilder,
  recordRun,
  removeAll,
  type BuildRun,
  type RecordedBuild,
} from './builderHarness';

// `nonce.txt` differs per run, so a fresh build shares no cache with earlier runs or other tests.
const dockerfile = `FROM scratch AS base
COPY nonce.txt /nonce.txt
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]

FROM base AS build
WORKDIR /src
COPY first.txt ./
RUN cp first.txt out.txt
COPY middle.txt ./
RUN cat middle.txt >> out.txt && \\
    wc -c out.txt
RUN echo built >> out.txt

FROM base
COPY --from=build /src/out.txt /srv/index.html
EXPOSE 8080
CMD ["httpd", "-f", "-p", "8080", "-h", "/srv"]
`;
/** 0-based lines of the instructions that make a layer (every builder reports these as steps). */
const layerLines = [1, 2, 3, 6, 7, 8, 9, 10, 12, 15];
const firstTwoStagesLayerLines = [1, 2, 3, 6, 7, 8, 9, 10, 12];
const beforeTheChange = [1, 2, 3, 6, 7, 8];
const fromTheChangeOn = [9, 10, 12, 15];
/** EXPOSE and CMD of the last stage: steps of the classic builder and buildah, not of BuildKit. */
const metadataLines = [16, 17];
const lastStageLines = [14, 15, 16, 17];
const busyboxCopyLine = 2;

const failingDockerfile = `FROM scratch AS base
COPY nonce.txt /nonce.txt
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]

FROM base
WORKDIR /work
RUN echo "about to fail" && \\
    ls /does-not-exist
CMD ["sh"]
`;
const failingRunLines = [7, 8];
const failingBaseLines = [1, 2, 3];

// Two stages BuildKit builds at the same time (their steps interleave in its output) and one the
// last stage does not need.
const stagesDockerfile = `FROM scratch AS base
COPY nonce.txt /nonce.txt
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]

FROM base AS left
RUN sleep 1 && echo left > /left

FROM base AS right
RUN sleep 1 && echo right > /right

FROM base AS unneeded
RUN echo unneeded > /unneeded

FROM base
COPY --from=left /left /left
COPY --from=right /right /right
`;
const stagesBaseLines = [1, 2, 3];
const stagesRanLines = [6, 9, 15, 16];
const unneededStageLines = [11, 12];
const unneededRunLine = 12;

const outline = outlineDockerfile(dockerfile);
const failingOutline = outlineDockerfile(failingDockerfile);
const stagesOutline = outlineDockerfile(stagesDockerfile);

function statusByLine(result: DockerfileBuildResult): Map<number, InstructionOutcome> {
  return new Map(result.instructions.map((instruction) => [instruction.startLine, instruction.status]));
}

function assertStatuses(
  result: DockerfileBuildResult,
  lines: readonly number[],
  status: InstructionOutcome,
  why: string,
) {
  const statuses = statusByLine(result);
  for (const line of lines) assert.equal(statuses.get(line), status, `line ${line + 1} (${why})`);
}

/** Indexes of the stages the last stage's image is made of: it and the stages it is built FROM. */
function finalImageStages(): Set<number> {
  const stages = new Set<number>();
  for (let stage = outline.stages.at(-1); stage !== undefined; ) {
    stages.add(stage.index);
    stage = stage.baseStage === undefined ? undefined : outline.stages[stage.baseStage];
  }
  return stages;
}

/**
 * The recorded sizes against the image's own `history`: one history entry per instruction of the
 * final image's stages (FROM excepted), and every byte of it given to one of those instructions.
 */
function assertMatchesHistory(recorded: RecordedBuild, why: string): void {
  const stages = finalImageStages();
  const imageInstructions = outline.instructions.filter(
    (instruction) => stages.has(instruction.stageIndex) && instruction.keyword !== 'FROM',
  );
  assert.equal(recorded.layers.length, imageInstructions.length, `history entries (${why})`);
  const historyBytes = recorded.layers.reduce((sum, layer) => sum + (layer.sizeBytes ?? 0), 0);
  const recordedBytes = recorded.result.instructions
    .filter((instruction) => stages.has(outline.instructions[instruction.instructionIndex]?.stageIndex ?? -1))
    .reduce((sum, instruction) => sum + (instruction.sizeBytes ?? 0), 0);
  assert.equal(recordedBytes, historyBytes, `bytes placed on the final image's instructions (${why})`);
  const busybox = recorded.result.instructions.find((instruction) => instruction.startLine === busyboxCopyLine);
  assert.ok((busybox?.sizeBytes ?? 0) > 1_000_000, `COPY busybox adds about 2 MB (${why})`);
}

function explain(run: BuildRun, recorded?: RecordedBuild): string {
  const steps = recorded?.result.instructions.map(
    (instruction) => `${instruction.startLine + 1}:${instruction.keyword}:${instruction.status}`,
  );
  return `${steps?.join(' ') ?? ''}\n--- builder output ---\n${run.text}`;
}

for (const builder of [classicBuilder, buildkitBuilder, podmanBuilder]) {
  describe(`build insight with ${builder.name}`, async () => {
    const skip = await builderSkipReason(builder);
    if (skip !== undefined) console.log(`# skipping: ${skip}`);
    const suffix = randomBytes(4).toString('hex');
    const tag = `layerwise-builders-${suffix}:latest`;
    const failingTag = `layerwise-builders-${suffix}:failing`;
    const targetTag = `layerwise-builders-${suffix}:target`;
    const stagesTag = `layerwise-builders-${suffix}:stages`;
    const container = `layerwise-builders-${suffix}`;
    const made = { containers: [container], tags: [tag, failingTag, targetTag, stagesTag], imageIds: [] as string[] };
    let context: ReturnType<typeof makeBuildContext> | undefined;

    before(() => {
      if (skip !== undefined) return;
      context = makeBuildContext({
        Dockerfile: dockerfile,
        'failing.Dockerfile': failingDockerfile,
        'stages.Dockerfile': stagesDockerfile,
      });
      writeFileSync(join(context.dir, 'nonce.txt'), `${suffix}\n`);
      writeFileSync(join(context.dir, 'first.txt'), 'first\n');
      writeFileSync(join(context.dir, 'middle.txt'), 'middle\n');
    });

    after(async () => {
      if (skip !== undefined) return;
      await removeAll(builder, made);
      context?.remove();
    });

    const variants = {
      whole: { file: 'Dockerfile', outline, tag, target: undefined },
      target: { file: 'Dockerfile', outline, tag: targetTag, target: 'build' },
      failing: { file: 'failing.Dockerfile', outline: failingOutline, tag: failingTag, target: undefined },
      stages: { file: 'stages.Dockerfile', outline: stagesOutline, tag: stagesTag, target: undefined },
    } as const;

    /** Builds one of the Dockerfiles, records it as the extension does, remembers what to remove. */
    const buildAndRecord = async (
      variant: keyof typeof variants = 'whole',
    ): Promise<{ run: BuildRun; recorded: RecordedBuild }> => {
      const dir = context?.dir ?? '';
      const { file, outline: builtOutline, tag: builtTag, target } = variants[variant];
      const run = await build(builder, { dockerfile: join(dir, file), context: dir, tag: builtTag, target });
      made.imageIds.push(...imageIdsIn(run.text));
      const recorded = await recordRun(builder, run, builtOutline, builtTag, target);
      if (recorded.result.imageId !== undefined) made.imageIds.push(recorded.result.imageId);
      const why = explain(run, recorded);
      assert.equal(run.detected, builder.kind, `detected builder: ${why}`);
      assert.equal(run.parsed.format, builder.format, `output format: ${why}`);
      assert.equal(recorded.result.builder, builder.kind, `recorded builder: ${why}`);
      return { run, recorded };
    };

    it('a fresh build: every step ran, with its time; sizes match the image history', { skip }, async () => {
      const { run, recorded } = await buildAndRecord();
      const why = explain(run, recorded);
      assert.equal(run.exitCode, 0, why);
      assert.equal(recorded.result.succeeded, true, why);
      assertStatuses(recorded.result, layerLines, 'ran', why);
      assert.equal(builder.ownCachedCount(run.text), 0, `the builder reports no cache hit: ${why}`);
      assert.equal(cacheSummary(recorded.result).cached, 0, why);
      for (const instruction of recorded.result.instructions) {
        assert.notEqual(instruction.status, 'cached', why);
        if (instruction.keyword === 'RUN') assert.equal(typeof instruction.durationMs, 'number', why);
      }
      assertMatchesHistory(recorded, why);
    });

    it('a rebuild: every step from the cache, as many as the builder says', { skip }, async () => {
      const { run, recorded } = await buildAndRecord();
      const why = explain(run, recorded);
      assert.equal(run.exitCode, 0, why);
      assertStatuses(recorded.result, layerLines, 'cached', why);
      const summary = cacheSummary(recorded.result);
      assert.equal(summary.ran, 0, why);
      assert.equal(summary.cached, summary.steps, why);
      assert.equal(summary.cached, builder.ownCachedCount(run.text), `cache hits the builder reports: ${why}`);
      assertMatchesHistory(recorded, why);
    });

    it('a file copied in the middle changes: that step and the rest rebuild, the earlier stay cached', {
      skip,
    }, async () => {
      writeFileSync(join(context?.dir ?? '', 'middle.txt'), 'middle, changed\n');
      const { run, recorded } = await buildAndRecord();
      const why = explain(run, recorded);
      assert.equal(run.exitCode, 0, why);
      assertStatuses(recorded.result, beforeTheChange, 'cached', why);
      assertStatuses(recorded.result, fromTheChangeOn, 'ran', why);
      const statuses = statusByLine(recorded.result);
      for (const line of metadataLines)
        if (statuses.has(line)) assert.equal(statuses.get(line), 'ran', `line ${line + 1}: ${why}`);
      assert.equal(
        cacheSummary(recorded.result).cached,
        builder.ownCachedCount(run.text),
        `cache hits the builder reports: ${why}`,
      );
      assertMatchesHistory(recorded, why);
    });

    it('the image runs with a published port that answers HTTP, read back with `port`', { skip }, async () => {
      const hostPort = await freePort();
      const started = await engine(
        builder,
        containerRunArgs(
          {
            image: tag,
            name: container,
            detach: true,
            removeWhenStopped: true,
            ports: [{ hostPort, containerPort: 8080, protocol: 'tcp' }],
          },
          english,
        ),
      );
      assert.equal(started.exitCode, 0, started.stderr);
      const body = await pageServedAt(hostPort, '/index.html');
      assert.equal(body, 'first\nmiddle, changed\nbuilt\n');
      const published = parsePublishedPorts((await engine(builder, containerPortArgs(container, english))).stdout);
      assert.ok(
        published.some((port) => port.containerPort === 8080 && port.protocol === 'tcp' && port.hostPort === hostPort),
        JSON.stringify(published),
      );
      assert.deepEqual(distinctHostPorts(published), [hostPort]);
      const states = await engine(builder, containerStatesArgs([container], english));
      assert.ok(runningContainerNames(states.stdout).has(container), states.stdout);

      const stopped = await engine(builder, containerStopArgs(container, english, 1));
      assert.equal(stopped.exitCode, 0, stopped.stderr);
      await eventually(
        async () =>
          (await engine(builder, containerStatesArgs([container], english))).stdout.trim() === '' ? true : undefined,
        15_000,
        '--rm to remove the container',
      );
    });

    it('--target build: its stages come from the cache, the last stage is not built', { skip }, async () => {
      const { run, recorded } = await buildAndRecord('target');
      const why = explain(run, recorded);
      assert.equal(run.exitCode, 0, why);
      assertStatuses(recorded.result, firstTwoStagesLayerLines, 'cached', why);
      assertStatuses(recorded.result, lastStageLines, 'not-built', why);
      assert.equal(
        cacheSummary(recorded.result).cached,
        builder.ownCachedCount(run.text),
        `cache hits the builder reports: ${why}`,
      );
    });

    it('stages built side by side each keep their steps; a stage not needed is shown as such', { skip }, async () => {
      const { run, recorded } = await buildAndRecord('stages');
      const why = explain(run, recorded);
      assert.equal(run.exitCode, 0, why);
      assertStatuses(recorded.result, stagesBaseLines, 'cached', why);
      assertStatuses(recorded.result, stagesRanLines, 'ran', why);
      for (const instruction of recorded.result.instructions)
        if (instruction.keyword === 'RUN' && instruction.status === 'ran')
          assert.equal(typeof instruction.durationMs, 'number', why);
      if (builder.skipsUnneededStages) assertStatuses(recorded.result, unneededStageLines, 'not-built', why);
      // The classic builder builds every stage up to the target, and says so.
      else assertStatuses(recorded.result, [unneededRunLine], 'ran', why);
      assert.equal(
        cacheSummary(recorded.result).cached,
        builder.ownCachedCount(run.text),
        `cache hits the builder reports: ${why}`,
      );
    });

    it('a failing RUN is placed on its lines with the builder’s own message', { skip }, async () => {
      const { run, recorded } = await buildAndRecord('failing');
      const why = explain(run, recorded);
      assert.notEqual(run.exitCode, 0, why);
      const failure = recorded.result.failure;
      assert.ok(failure, why);
      assert.deepEqual([failure.startLine, failure.endLine], failingRunLines, why);
      assert.match(failure.message, builder.runFailure, why);
      assert.ok(run.text.includes(failure.message), `the message is the builder's text: ${why}`);
      const failed = recorded.result.instructions.find((instruction) => instruction.startLine === failingRunLines[0]);
      assert.equal(failed?.status, 'failed', why);
      // The base stage was built by the earlier tests: its steps come from the cache.
      assertStatuses(recorded.result, failingBaseLines, 'cached', why);
      assert.equal(
        cacheSummary(recorded.result).cached,
        builder.ownCachedCount(run.text),
        `cache hits the builder reports: ${why}`,
      );
    });
  });
}
