// The BuildKit and classic parsers, and the whole mapping to instructions, on real output captured
// here from BuildKit 20.10 (`DOCKER_BUILDKIT=1 /usr/bin/docker build --progress=plain`) and the
// classic builder (docker 28.2 CLI), building stages.Dockerfile with --target web: skipped
// stages, stages built in parallel, a cached rebuild, a failing RUN, layer sizes from history.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheSummary, type DockerfileBuildResult } from '../../client/src/build/buildResults';
import type { ParsedBuildOutput } from '../../client/src/docker/buildOutput';
import { fixture, instructionLines, parseText, recordFixtureBuild } from '../helpers/buildOutput';

function record(
  parsed: ParsedBuildOutput,
  dockerfile: string,
  target: string | undefined,
  history?: string,
): DockerfileBuildResult {
  return recordFixtureBuild(parsed, parsed.format === 'classic' ? 'classic' : 'buildkit', dockerfile, target, history);
}

describe('real BuildKit 20.10 plain output', () => {
  it('a fresh build with --target web: the skipped stages are not built, the rest ran with their times', () => {
    const parsed = parseText(fixture('buildkit20-plain-fresh.txt'), 0);
    assert.equal(parsed.format, 'buildkit-plain');
    // The vertex digest line BuildKit 20.10 prints after each name is not step output.
    assert.ok(parsed.steps.every((step) => !step.output.some((line) => line.startsWith('sha256:'))));
    const result = record(parsed, 'stages.Dockerfile', 'web', 'buildkit20-history.jsonl');
    assert.equal(result.builder, 'buildkit');
    assert.deepEqual(instructionLines(result), [
      '2 COPY ran',
      '3 RUN ran',
      '6 RUN ran',
      '9 RUN ran',
      '11 FROM not-built',
      '12 RUN not-built',
      '15 WORKDIR ran',
      '16 COPY ran',
      '17 COPY ran',
      '21 FROM not-built',
      '22 RUN not-built',
    ]);
    const at = new Map(result.instructions.map((instruction) => [instruction.startLine + 1, instruction]));
    assert.equal(at.get(6)?.durationMs, 2200);
    assert.equal(at.get(9)?.durationMs, 2200);
    assert.equal(at.get(2)?.sizeBytes, 1982282);
    assert.equal(at.get(16)?.sizeBytes, 5);
    assert.equal(at.get(17)?.sizeBytes, 6);
    assert.deepEqual(parsed.tags, ['lw19a-web:bk']);
    assert.deepEqual(cacheSummary(result), { steps: 7, cached: 0, ran: 7 });
  });

  it('a rebuild: every step cached, in the order BuildKit finished them', () => {
    const result = record(parseText(fixture('buildkit20-plain-cached.txt'), 0), 'stages.Dockerfile', 'web');
    assert.deepEqual(cacheSummary(result), { steps: 7, cached: 7, ran: 0 });
    assert.equal(result.instructions.filter((instruction) => instruction.status === 'not-built').length, 4);
  });

  it('two stages built in parallel both ran for their own time', () => {
    const result = record(parseText(fixture('buildkit20-plain-parallel.txt'), 0), 'parallel.Dockerfile', undefined);
    assert.deepEqual(instructionLines(result), [
      '2 COPY cached',
      '3 RUN cached',
      '6 RUN ran',
      '9 RUN ran',
      '12 COPY ran',
      '13 COPY ran',
    ]);
    assert.deepEqual(
      result.instructions.map((instruction) => instruction.durationMs),
      [0, 0, 6400, 6400, 100, 100],
    );
  });

  it('the same build with its log lines interleaved (the name repeated on each switch) parses the same', () => {
    const real = fixture('buildkit20-plain-parallel.txt').split('\n');
    const left = real.filter((line) => line.startsWith('#6 '));
    const right = real.filter((line) => line.startsWith('#8 '));
    const interleaved: string[] = [];
    for (let index = 0; index < Math.max(left.length, right.length); index++) {
      if (right[index] !== undefined) interleaved.push(right[index] as string, right[0] as string);
      if (left[index] !== undefined) interleaved.push(left[index] as string, left[0] as string);
    }
    const rest = real.filter((line) => !line.startsWith('#6 ') && !line.startsWith('#8 '));
    const parsed = parseText([...interleaved, ...rest].join('\n'), 0);
    const byId = new Map(parsed.steps.map((step) => [step.id, step]));
    assert.equal(byId.get('#6')?.durationMs, 6400);
    assert.equal(byId.get('#8')?.durationMs, 6400);
    assert.deepEqual(byId.get('#6')?.output, ['left 1', 'left 2', 'left 3', 'left 4', 'left 5', 'left 6']);
  });

  it("a failing RUN: the step, its output, BuildKit's error text, mapped to its lines", () => {
    const parsed = parseText(fixture('buildkit20-plain-failed.txt'), 1);
    const result = record(parsed, 'failing.Dockerfile', undefined);
    assert.deepEqual(instructionLines(result), ['3 COPY cached', '4 RUN cached', '5 RUN failed']);
    assert.equal(
      result.failure?.message,
      'executor failed running [/bin/sh -c echo about to fail &&     exit 3]: exit code: 3',
    );
    assert.deepEqual([result.failure?.startLine, result.failure?.endLine], [4, 5]);
    assert.deepEqual(parsed.steps[2]?.output, ['about to fail']);
  });
});

describe('real classic builder output, multi-stage', () => {
  it('builds every stage before the target (none skipped) and none after it', () => {
    const result = record(
      parseText(fixture('classic-stages-fresh.txt'), 0),
      'stages.Dockerfile',
      'web',
      'classic-stages-history.jsonl',
    );
    assert.equal(result.builder, 'classic');
    const status = new Map(result.instructions.map((instruction) => [instruction.startLine + 1, instruction.status]));
    assert.equal(status.get(12), 'ran'); // the unused stage: the classic builder builds it anyway
    assert.equal(status.get(22), 'not-built'); // after the target
    const sizes = new Map(result.instructions.map((instruction) => [instruction.startLine + 1, instruction.sizeBytes]));
    assert.equal(sizes.get(2), 1982282);
    assert.equal(sizes.get(17), 6);
  });

  it('a rebuild takes every layer step from the cache', () => {
    const result = record(parseText(fixture('classic-stages-cached.txt'), 0), 'stages.Dockerfile', 'web');
    assert.deepEqual(cacheSummary(result), { steps: 10, cached: 10, ran: 0 });
  });
});
