// The buildah (podman build) parser and its mapping onto instructions, on real podman 4.3 output
// captured here (see fixtures/README.md): fresh, cached, nested stages, --target, failures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheSummary } from '../../client/src/build/buildResults';
import { locateSteps } from '../../client/src/build/stepLocations';
import type { ParsedBuildOutput } from '../../client/src/docker/buildOutput';
import { parseImageHistory } from '../../client/src/docker/imageHistory';
import { outlineDockerfile } from '../../client/src/docker/parsedDockerfile';
import { fixture, instructionLines, parseText, recordFixtureBuild, stepSummary } from '../helpers/buildOutput';

/** The podman build of fixture `dockerfile` that printed `parsed`, as the extension records it. */
const podmanBuild = (parsed: ParsedBuildOutput, dockerfile: string, target?: string, history?: string) =>
  recordFixtureBuild(parsed, 'podman', dockerfile, target, history);

describe('buildah output', () => {
  it('a fresh multi-stage build with --target: every step ran, each with the image it made', () => {
    const parsed = parseText(fixture('buildah-fresh.txt'), 0);
    assert.equal(parsed.format, 'buildah');
    assert.deepEqual(stepSummary(parsed), [
      '1:1 FROM ran',
      '1:2 COPY ran',
      '1:3 RUN ran',
      '3:1 FROM ran',
      '3:2 RUN ran',
      '2:1 FROM ran',
      '2:2 RUN ran',
      '5:1 FROM ran',
      '5:2 WORKDIR ran',
      '5:3 COPY ran',
      '5:4 COPY ran',
      '5:5 EXPOSE ran',
      '5:6 CMD ran',
    ]);
    assert.deepEqual(
      parsed.steps.map((step) => step.imageId ?? '-'),
      [
        '-',
        '958d66b5328',
        '2f390b2b2ad',
        '-',
        '7ec7a9ac164',
        '-',
        '5eefbd312b4',
        '-',
        'd9879978e08',
        'b0cd1d49cf5',
        '973dfaa3a19',
        'eb3090aec00',
        'b1160c587ec',
      ],
    );
    assert.deepEqual(parsed.steps[4]?.output, ['right 1', 'right 2', 'right 3']);
    assert.deepEqual(parsed.tags, ['lw19a-web:latest']);
    assert.equal(parsed.imageId, 'b1160c587ecca045e611fd22a049d49ffe4a7f816b836c8a503a75d9ed824512');
    assert.equal(parsed.failure, undefined);
  });

  it('a step waiting for another stage (COPY --from) gets the "-->" printed after that stage', () => {
    const parsed = parseText(fixture('buildah-fresh-nested.txt'), 0);
    const byId = new Map(parsed.steps.map((step) => [step.id, step]));
    assert.equal(byId.get('2:2')?.imageId, '27c50715eba');
    assert.equal(byId.get('3:2')?.imageId, 'ca4d17244b9');
    assert.equal(byId.get('5:3')?.imageId, 'db8ae7a4ce8');
    assert.equal(byId.get('5:4')?.imageId, '52464426d0b');
    // The waiting step lasted while both stages it waited for were built.
    const waited = byId.get('5:3')?.durationMs ?? 0;
    assert.ok(waited > (byId.get('2:2')?.durationMs ?? 0) + (byId.get('3:2')?.durationMs ?? 0));
    assert.ok(parsed.steps.every((step) => step.status === 'ran'));
  });

  it('a rebuild: "Using cache" marks every layer step cached, nested stages too', () => {
    for (const name of ['buildah-cached.txt', 'buildah-cached-nested.txt']) {
      const parsed = parseText(fixture(name), 0);
      const layerSteps = parsed.steps.filter((step) => step.keyword !== 'FROM');
      assert.equal(layerSteps.length, 9, name);
      assert.ok(
        layerSteps.every((step) => step.status === 'cached'),
        name,
      );
    }
  });

  it('maps [stage/stages] STEP n/m onto the n-th instruction of the stage; skipped stages are not built', () => {
    const result = podmanBuild(parseText(fixture('buildah-cached.txt'), 0), 'stages.Dockerfile', 'web');
    assert.deepEqual(instructionLines(result), [
      '1 FROM ran',
      '2 COPY cached',
      '3 RUN cached',
      '5 FROM ran',
      '6 RUN cached',
      '8 FROM ran',
      '9 RUN cached',
      '11 FROM not-built',
      '12 RUN not-built',
      '14 FROM ran',
      '15 WORKDIR cached',
      '16 COPY cached',
      '17 COPY cached',
      '18 EXPOSE cached',
      '19 CMD cached',
      '21 FROM not-built',
      '22 RUN not-built',
    ]);
    assert.deepEqual(cacheSummary(result), { steps: 9, cached: 9, ran: 0 });
  });

  it('without --target, a stage nothing needs is still skipped; the last stage is built', () => {
    const result = podmanBuild(parseText(fixture('buildah-all-stages.txt'), 0), 'stages.Dockerfile', undefined);
    const status = new Map(result.instructions.map((instruction) => [instruction.startLine + 1, instruction.status]));
    assert.equal(status.get(12), 'not-built');
    assert.equal(status.get(22), 'ran');
    assert.equal(status.get(19), 'cached');
  });

  it('--target of the first stage: no [i/n] prefix, steps count every instruction (ARG too)', () => {
    const parsed = parseText(fixture('buildah-target-first-stage.txt'), 0);
    assert.ok(parsed.steps.every((step) => step.position.kind === 'buildah' && step.position.stage === undefined));
    const result = podmanBuild(parsed, 'multistage.Dockerfile', 'base');
    assert.deepEqual(instructionLines(result), [
      '1 FROM ran',
      '2 COPY cached',
      '3 RUN cached',
      '4 ARG ran',
      '5 RUN ran',
      '7 FROM not-built',
      '8 EXPOSE not-built',
      '9 CMD not-built',
    ]);
  });

  it("a failing RUN: the step fails with buildah's error text, mapped to its lines (global ARG not counted)", () => {
    const parsed = parseText(fixture('buildah-failed.txt'), 3);
    assert.deepEqual(stepSummary(parsed), [':1 FROM ran', ':2 COPY cached', ':3 RUN cached', ':4 RUN failed']);
    assert.equal(
      parsed.failure?.message,
      'building at STEP "RUN echo about to fail &&     exit 3": while running runtime: exit status 3',
    );
    assert.equal(parsed.failure?.stepId, ':4');
    assert.deepEqual(parsed.steps[3]?.output, ['about to fail']);
    const result = podmanBuild(parsed, 'failing.Dockerfile', undefined);
    assert.deepEqual([result.failure?.startLine, result.failure?.endLine], [4, 5]);
    assert.equal(result.failure?.message, parsed.failure?.message);
    assert.equal(result.succeeded, false);
  });

  it('a failing COPY: the error names the step even though it printed nothing', () => {
    const parsed = parseText(fixture('buildah-copy-missing.txt'), 125);
    assert.deepEqual(stepSummary(parsed), [':1 FROM ran', ':2 COPY failed']);
    assert.match(parsed.failure?.message ?? '', /^building at STEP "COPY nothere \/x": .*no such file or directory$/);
  });

  it('a base image that cannot be pulled fails its FROM step', () => {
    const parsed = parseText(fixture('buildah-pull-failed.txt'), 125);
    assert.deepEqual(stepSummary(parsed), [':1 FROM failed']);
    assert.match(parsed.failure?.message ?? '', /^creating build container: .*no such host$/);
  });

  it('hostile output: long lines, thousands of open stages and errors parse without failing', () => {
    const stagesOpen = Array.from({ length: 5000 }, (_, index) => `[${index + 1}/5000] STEP 2/2: RUN x`).join('\n');
    const text = [
      `[1/1] STEP 1/1: ${'['.repeat(60_000)}`,
      `--> Using cache ${'a'.repeat(60_000)}`,
      stagesOpen,
      '--> 0123456789ab',
      ...Array.from({ length: 2000 }, () => 'Error: building at STEP "RUN x": exit status 1'),
    ].join('\n');
    const parsed = parseText(text, 1);
    assert.equal(parsed.steps.length, 5001);
    assert.equal(parsed.steps[5000]?.imageId, '0123456789ab');
    assert.equal(parsed.steps[4999]?.status, 'failed');
    assert.equal(parsed.failure?.message, 'building at STEP "RUN x": exit status 1');
  });

  it('a build stopped mid-step: the open step is canceled, the message says it was stopped', () => {
    const parsed = parseText('STEP 1/2: FROM scratch\nSTEP 2/2: RUN sleep 100\n', null);
    assert.deepEqual(stepSummary(parsed), [':1 FROM ran', ':2 RUN canceled']);
    assert.equal(parsed.failure?.message, 'The build was stopped.');
  });

  it('layer sizes come from podman history, aligned from the newest layer (its ids do not name steps)', () => {
    const layers = parseImageHistory(fixture('buildah-history.json'));
    assert.equal(layers.length, 7);
    assert.equal(layers[0]?.sizeBytes, 0);
    const result = podmanBuild(
      parseText(fixture('buildah-fresh.txt'), 0),
      'stages.Dockerfile',
      'web',
      'buildah-history.json',
    );
    const sizes = new Map(result.instructions.map((instruction) => [instruction.startLine + 1, instruction.sizeBytes]));
    assert.equal(sizes.get(2), 1984512);
    assert.equal(sizes.get(3), 142848);
    assert.equal(sizes.get(16), 2560);
    assert.equal(sizes.get(17), 2560);
    assert.equal(sizes.get(19), 0);
    // Steps of stages the image is not built FROM have no layer in its history.
    assert.equal(sizes.get(6), undefined);
  });

  it('buildah steps fall back to keyword and text when the numbers do not fit the file', () => {
    const parsed = parseText('[2/2] STEP 2/9: RUN echo "hello $GREETING" > /greeting.txt\n--> 0123456789a\n', 0);
    const located = locateSteps(parsed, outlineDockerfile(fixture('multistage.Dockerfile')));
    assert.deepEqual(
      located.map((step) => step.startLine + 1),
      [5],
    );
  });
});
