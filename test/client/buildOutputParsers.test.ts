// The build output parsers on real classic output and on BuildKit fixtures in the documented
// plain and rawjson formats, plus edge cases as inline strings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBuildkitVertexName } from '../../client/src/docker/buildkitVertexName';
import { OutputLineSplitter, stripAnsi } from '../../client/src/docker/outputLines';
import { fixture, parseText, stepSummary } from '../helpers/buildOutput';

describe('classic builder output', () => {
  it('a partly cached build: cached and ran steps, image ids, final id and tag', () => {
    const parsed = parseText(fixture('classic-partly-cached.txt'), 0);
    assert.equal(parsed.format, 'classic');
    assert.deepEqual(stepSummary(parsed), [
      '1 FROM ran',
      '2 COPY cached',
      '3 RUN cached',
      '4 ARG ran',
      '5 RUN ran',
      '6 FROM ran',
      '7 EXPOSE ran',
      '8 CMD ran',
    ]);
    assert.match(parsed.steps[1]?.imageId ?? '', /^[0-9a-f]{12}$/);
    assert.deepEqual(parsed.tags, ['lw-explore:1']);
    assert.match(parsed.imageId ?? '', /^[0-9a-f]{12}$/);
    assert.equal(parsed.failure, undefined);
    assert.ok(parsed.steps.every((step) => step.durationMs !== undefined));
  });

  it('a rebuild: every step after FROM came from the cache', () => {
    const parsed = parseText(fixture('classic-cached.txt'), 0);
    assert.deepEqual(stepSummary(parsed), [
      '1 FROM ran',
      '2 COPY cached',
      '3 RUN cached',
      '4 ARG cached',
      '5 RUN cached',
      '6 FROM ran',
      '7 EXPOSE cached',
      '8 CMD cached',
    ]);
  });

  it('a failing RUN: the step, its output and the builder message', () => {
    const parsed = parseText(fixture('classic-failed.txt'), 3);
    assert.deepEqual(stepSummary(parsed), ['1 ARG ran', '2 FROM ran', '3 COPY cached', '4 RUN cached', '5 RUN failed']);
    assert.equal(parsed.failure?.stepId, '5');
    assert.match(parsed.failure?.message ?? '', /returned a non-zero code: 3/);
    assert.deepEqual(parsed.steps[4]?.output, ['about to fail']);
  });

  it('a daemon error line (COPY failed) fails the current step', () => {
    const parsed = parseText(
      'Step 1/2 : FROM scratch\n ---> \nStep 2/2 : COPY nothere /x\nCOPY failed: file not found in build context\n',
      1,
    );
    assert.deepEqual(stepSummary(parsed), ['1 FROM ran', '2 COPY failed']);
    assert.equal(parsed.failure?.message, 'COPY failed: file not found in build context');
  });

  it('stopped mid-step: the step is marked stopped', () => {
    const parsed = parseText(
      'Step 1/2 : FROM scratch\n ---> \nStep 2/2 : RUN sleep 100\n ---> Running in abc123abc123\n',
      null,
    );
    assert.equal(parsed.steps[1]?.status, 'canceled');
    assert.ok(parsed.failure);
  });

  it('an error before any step becomes the failure', () => {
    const parsed = parseText('unable to prepare context: path "/nope" not found\n', 1);
    assert.equal(parsed.format, 'unknown');
    assert.equal(parsed.failure?.message, 'unable to prepare context: path "/nope" not found');
  });
});

describe('BuildKit plain output', () => {
  it('cached and ran steps with durations; internal vertices are not steps', () => {
    const parsed = parseText(fixture('buildkit-plain-cached.txt'), 0);
    assert.equal(parsed.format, 'buildkit-plain');
    assert.deepEqual(stepSummary(parsed), ['#4 COPY cached', '#5 RUN cached', '#6 RUN ran']);
    assert.equal(parsed.steps[2]?.durationMs, 400);
    assert.deepEqual(parsed.steps[2]?.output, ['writing greeting']);
    assert.deepEqual(parsed.steps[0]?.position, { kind: 'buildkit', stage: 'base', index: 1, total: 3 });
    assert.deepEqual(parsed.tags, ['lw-explore:1']);
    assert.equal(parsed.failure, undefined);
  });

  it('a failure: the failed step, its message and the Dockerfile line from the report', () => {
    const parsed = parseText(fixture('buildkit-plain-failed.txt'), 1);
    assert.deepEqual(stepSummary(parsed), ['#4 COPY cached', '#5 RUN ran', '#6 RUN failed']);
    assert.equal(parsed.failure?.stepId, '#6');
    assert.equal(parsed.failure?.dockerfileLine, 5);
    assert.match(parsed.failure?.message ?? '', /did not complete successfully: exit code: 3/);
  });

  it('keeps colours out of the parse', () => {
    const parsed = parseText('\x1b[34m#1 [1/1] RUN true\x1b[0m\n\x1b[34m#1 DONE 0.1s\x1b[0m\n', 0);
    assert.deepEqual(stepSummary(parsed), ['#1 RUN ran']);
  });

  it('CANCELED steps and a failure outside any step', () => {
    const parsed = parseText(
      '#1 [a 1/2] RUN sleep 9\n#1 CANCELED\n#2 [internal] load metadata for docker.io/library/nope:1\n' +
        '#2 ERROR: pull access denied\n------\nERROR: failed to solve: nope:1: not found\n',
      1,
    );
    assert.deepEqual(stepSummary(parsed), ['#1 RUN canceled']);
    assert.equal(parsed.failure?.message, 'nope:1: not found'.replace(/^/, 'failed to solve: '));
  });
});

describe('BuildKit rawjson output', () => {
  it('vertex updates, cached flags, durations from timestamps, base64 logs split into lines', () => {
    const parsed = parseText(fixture('buildkit-rawjson-fresh.jsonl'), 0);
    assert.equal(parsed.format, 'buildkit-rawjson');
    assert.deepEqual(
      parsed.steps.map((step) => `${step.keyword} ${step.status} ${String(step.durationMs)}`),
      ['COPY cached 0', 'RUN ran 1250', 'RUN ran 250'],
    );
    assert.deepEqual(parsed.steps[1]?.output, ['installing applets', 'half done']);
    assert.equal(parsed.failure, undefined);
  });

  it('a vertex error is the failure; the stderr report line is read too', () => {
    const parsed = parseText(fixture('buildkit-rawjson-failed.jsonl'), 1);
    assert.deepEqual(
      stepSummary(parsed).map((line) => line.replace(/^sha256:\w+ /, '')),
      ['COPY cached', 'RUN cached', 'RUN failed'],
    );
    assert.match(parsed.failure?.message ?? '', /exit code: 3/);
    assert.equal(parsed.failure?.stepId, parsed.steps[2]?.id);
  });

  it('ignores malformed JSON and fields of the wrong type', () => {
    const parsed = parseText(
      '{"vertexes": [{"digest": 5}]}\n{not json\n' +
        '{"vertexes":[{"digest":"d1","name":"[1/1] RUN x","cached":"yes","started":"bad date"}]}\n',
      0,
    );
    assert.deepEqual(
      parsed.steps.map((step) => step.status),
      ['incomplete'],
    );
  });
});

describe('vertex names', () => {
  const names: Array<[string, ReturnType<typeof parseBuildkitVertexName>]> = [
    ['[2/3] RUN make', { stage: undefined, index: 2, total: 3, instruction: 'RUN make', keyword: 'RUN' }],
    ['[build  3/12] COPY . .', { stage: 'build', index: 3, total: 12, instruction: 'COPY . .', keyword: 'COPY' }],
    [
      '[linux/arm64 build 1/2] FROM docker.io/library/golang:1.22',
      { stage: 'build', index: 1, total: 2, instruction: 'FROM docker.io/library/golang:1.22', keyword: 'FROM' },
    ],
    [
      '[ 2/10] WORKDIR /src',
      { stage: undefined, index: 2, total: 10, instruction: 'WORKDIR /src', keyword: 'WORKDIR' },
    ],
    ['[internal] load build context', undefined],
    ['exporting to image', undefined],
  ];
  for (const [name, expected] of names) it(name, () => assert.deepEqual(parseBuildkitVertexName(name), expected));
});

describe('output lines', () => {
  it('splits chunks, handles CRLF and redrawn lines, strips ANSI', () => {
    const splitter = new OutputLineSplitter();
    assert.deepEqual(splitter.push('Sending 1MB\rSending 2MB\r\r\nStep 1/'), ['Sending 2MB']);
    assert.deepEqual(splitter.push('2 : FROM x\n'), ['Step 1/2 : FROM x']);
    assert.deepEqual(splitter.push('tail'), []);
    assert.deepEqual(splitter.flush(), ['tail']);
    assert.equal(stripAnsi('\x1b[1;31mred\x1b[0m plain'), 'red plain');
  });
});
