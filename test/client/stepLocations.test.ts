// locateSteps on Dockerfiles of thousands of instructions: BuildKit numbering per stage, the
// text fallback with many identical instructions, stages found by name, and multi-platform
// repeats, each placed as before (it was steps x instructions; now linear).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateSteps } from '../../client/src/build/stepLocations';
import type { BuildStep, ParsedBuildOutput, StepPosition } from '../../client/src/docker/buildOutput';
import { outlineDockerfile } from '../../client/src/docker/parsedDockerfile';

let nextId = 0;
const step = (
  instruction: string,
  position: StepPosition,
  durationMs = 1,
  status: BuildStep['status'] = 'ran',
): BuildStep => ({
  id: `#${nextId++}`,
  instruction,
  keyword: instruction.split(' ')[0]!,
  position,
  status,
  durationMs,
  output: [],
});
const build = (steps: BuildStep[]): ParsedBuildOutput => ({ format: 'buildkit-plain', steps, tags: [] });
const buildkit = (stage: string | undefined, index: number, total: number): StepPosition => ({
  kind: 'buildkit',
  stage,
  index,
  total,
});

test('3,000 stages of 2 instructions each, named and numbered: every step on its instruction', () => {
  const stages = 3_000;
  const text = Array.from({ length: stages }, (_, i) => `FROM alpine AS s${i}\nRUN echo ${i}`).join('\n');
  const outline = outlineDockerfile(text);
  const steps = Array.from({ length: stages }, (_, i) =>
    step(`RUN echo ${i}`, buildkit(i % 2 === 0 ? `s${i}` : `stage-${i}`, 2, 2)),
  );
  const located = locateSteps(build(steps), outline);
  assert.equal(located.length, stages);
  assert.deepEqual(
    located.filter((_, i) => i % 500 === 0).map((entry) => [entry.startLine, entry.keyword]),
    Array.from({ length: stages / 500 }, (_, i) => [i * 1000 + 1, 'RUN']),
  );
});

test('two stages of 5,000 identical RUNs, unfitting numbers: the text fallback goes in order, own stage first', () => {
  const runs = 5_000;
  const stage = (name: string): string => `FROM alpine AS ${name}\n${'RUN echo hi\n'.repeat(runs)}`;
  const outline = outlineDockerfile(`${stage('one')}${stage('two')}`);
  // Positions past the end of the stage: only the text can place them.
  const steps = Array.from({ length: runs + 2 }, () => step('RUN echo hi', buildkit('two', 99_999, 99_999)));
  const located = locateSteps(build(steps), outline);
  assert.equal(located.length, runs + 2);
  // The first 5,000 fill stage two in order; the last two spill over to stage one's first RUNs.
  assert.deepEqual(
    located.slice(0, 3).map((entry) => entry.startLine),
    [1, 2, runs + 2],
  );
  assert.deepEqual(
    located.slice(-2).map((entry) => entry.startLine),
    [2 * runs, 2 * runs + 1],
  );
  assert.equal(new Set(located.map((entry) => entry.instructionIndex)).size, runs + 2);
});

test('classic output of 10,000 steps whose numbers are past the file: placed by text, in order', () => {
  const runs = 10_000;
  const outline = outlineDockerfile(
    `FROM alpine\n${Array.from({ length: runs }, (_, i) => `RUN echo ${i % 10}`).join('\n')}\n`,
  );
  const steps = Array.from({ length: runs }, (_, i) =>
    step(`RUN echo ${i % 10}`, { kind: 'classic', step: runs + 10 + i, total: 2 * runs + 10 }),
  );
  const located = locateSteps(build(steps), outline);
  assert.equal(located.length, runs);
  assert.deepEqual(
    located.map((entry) => entry.startLine),
    Array.from({ length: runs }, (_, i) => i + 1),
  );
});

test('a step reported once per platform on 5,000 instructions: one entry each, the failed or slowest kept', () => {
  const runs = 5_000;
  const outline = outlineDockerfile(
    `FROM alpine\n${Array.from({ length: runs }, (_, i) => `RUN echo ${i}`).join('\n')}\n`,
  );
  const steps: BuildStep[] = [];
  for (let i = 0; i < runs; i++) steps.push(step(`RUN echo ${i}`, buildkit(undefined, i + 2, runs + 1), 5));
  for (let i = 0; i < runs; i++)
    steps.push(
      step(`RUN echo ${i}`, buildkit(undefined, i + 2, runs + 1), i % 2 === 0 ? 9 : 1, i === 42 ? 'failed' : 'ran'),
    );
  const located = locateSteps(build(steps), outline);
  assert.equal(located.length, runs);
  assert.deepEqual(
    located.slice(40, 44).map((entry) => [entry.durationMs, entry.status]),
    [
      [9, 'ran'],
      [5, 'ran'],
      [9, 'failed'],
      [5, 'ran'],
    ],
  );
});
