// From parsed build output to per-instruction results on the real Dockerfile: step mapping for
// both builders, the failing line, layer sizes from docker history, the outline's stages, ARGs
// and ports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordBuild } from '../../client/src/build/buildRecord';
import { buildSummaryLine, formatBytes, formatDuration, instructionLabel } from '../../client/src/build/buildSummary';
import { BuildResultStore, cacheSummary } from '../../client/src/build/buildResults';
import { locateFailure, locateSteps } from '../../client/src/build/stepLocations';
import { argsWithoutDefault, exposedPorts, targetChoices } from '../../client/src/docker/dockerfileOutline';
import { parseImageHistory, parseSize } from '../../client/src/docker/imageHistory';
import { outlineDockerfile } from '../../client/src/docker/parsedDockerfile';
import { english } from '../../client/src/l10n/translator';
import { fixture, parseText } from '../helpers/buildOutput';

const multistage = outlineDockerfile(fixture('multistage.Dockerfile'));
const failing = outlineDockerfile(fixture('failing.Dockerfile'));

function lines(located: ReturnType<typeof locateSteps>): string[] {
  return located.map((step) => `${step.startLine + 1} ${step.keyword} ${step.status}`);
}

describe('outline', () => {
  const outline = outlineDockerfile(`ARG BASE=alpine
ARG VERSION
FROM \${BASE} AS deps
ARG TOKEN
RUN echo $TOKEN
FROM deps AS build
ARG MODE=release
EXPOSE 9000
FROM scratch AS unused
ARG UNUSED
FROM build
COPY --from=deps /a /b
EXPOSE 8080 53/udp \\
  8443
`);
  it('targets, ARGs without defaults for the chosen target, exposed ports through the FROM chain', () => {
    assert.deepEqual(targetChoices(outline), ['deps', 'build', 'unused', '3']);
    assert.deepEqual(argsWithoutDefault(outline), ['VERSION', 'TOKEN']);
    assert.deepEqual(argsWithoutDefault(outline, 'unused'), ['VERSION', 'UNUSED']);
    assert.deepEqual(
      exposedPorts(outline).map((port) => `${port.port}/${port.protocol}`),
      ['9000/tcp', '8080/tcp', '53/udp', '8443/tcp'],
    );
    assert.deepEqual(exposedPorts(outline, 'deps'), []);
  });
  it('EXPOSE ports come from the parser: protocols, a range, a variable, an unknown protocol', () => {
    const ports = (text: string): string[] =>
      exposedPorts(outlineDockerfile(text)).map((port) => `${port.port}/${port.protocol}`);
    assert.deepEqual(ports('FROM alpine\nEXPOSE 80/tcp 443\n'), ['80/tcp', '443/tcp']);
    assert.deepEqual(ports('FROM alpine\nEXPOSE 53/UDP 7000-7002/sctp $PORT\n'), [
      '53/udp',
      '7000/sctp',
      '7001/sctp',
      '7002/sctp',
    ]);
    assert.deepEqual(ports('FROM alpine\nEXPOSE 80/http\n'), []);
  });
});

describe('locating steps', () => {
  it('classic: Step N is the N-th instruction, global ARGs included', () => {
    assert.deepEqual(lines(locateSteps(parseText(fixture('classic-failed.txt'), 3), failing)), [
      '1 ARG ran',
      '2 FROM ran',
      '3 COPY cached',
      '4 RUN cached',
      '5 RUN failed',
    ]);
    assert.deepEqual(lines(locateSteps(parseText(fixture('classic-cached.txt'), 0), multistage)), [
      '1 FROM ran',
      '2 COPY cached',
      '3 RUN cached',
      '4 ARG cached',
      '5 RUN cached',
      '7 FROM ran',
      '8 EXPOSE cached',
      '9 CMD cached',
    ]);
  });

  it('BuildKit: [stage i/n] counts layer-making instructions of the stage (FROM scratch not counted)', () => {
    assert.deepEqual(lines(locateSteps(parseText(fixture('buildkit-plain-cached.txt'), 0), multistage)), [
      '2 COPY cached',
      '3 RUN cached',
      '5 RUN ran',
    ]);
    assert.deepEqual(lines(locateSteps(parseText(fixture('buildkit-rawjson-fresh.jsonl'), 0), multistage)), [
      '2 COPY cached',
      '3 RUN ran',
      '5 RUN ran',
    ]);
    // FROM ${BASE} with BASE=scratch from the global ARG default.
    assert.deepEqual(lines(locateSteps(parseText(fixture('buildkit-plain-failed.txt'), 1), failing)), [
      '3 COPY cached',
      '4 RUN ran',
      '5 RUN failed',
    ]);
  });

  it('BuildKit: FROM an image counts as step 1; unnamed stages are stage-N; WORKDIR counts', () => {
    const outline = outlineDockerfile(
      'FROM alpine AS a\nENV X=1\nWORKDIR /src\nRUN make\nFROM alpine\nCOPY --from=a /src /dst\n',
    );
    const output =
      '#1 [a 1/3] FROM docker.io/library/alpine@sha256:abc\n#1 DONE 0.1s\n#2 [a 2/3] WORKDIR /src\n#2 CACHED\n' +
      '#3 [a 3/3] RUN make\n#3 DONE 2.0s\n#4 [stage-1 2/2] COPY --from=a /src /dst\n#4 DONE 0.2s\n';
    assert.deepEqual(lines(locateSteps(parseText(output, 0), outline)), [
      '1 FROM ran',
      '3 WORKDIR cached',
      '4 RUN ran',
      '6 COPY ran',
    ]);
  });

  it('falls back to keyword and text when the numbers do not fit', () => {
    const outline = outlineDockerfile('FROM scratch\nCOPY a /a\nRUN one\nRUN two\n');
    const output = '#1 [9/9] RUN two\n#1 DONE 1.0s\n';
    assert.deepEqual(lines(locateSteps(parseText(output, 0), outline)), ['4 RUN ran']);
  });
});

describe('locating failures', () => {
  it('classic: the failed step; multi-line RUN covers its continuation lines', () => {
    const parsed = parseText(fixture('classic-failed.txt'), 3);
    const failure = locateFailure(parsed, failing, locateSteps(parsed, failing));
    assert.deepEqual(failure && { start: failure.startLine, end: failure.endLine }, { start: 4, end: 5 });
    assert.match(failure?.message ?? '', /non-zero code: 3/);
  });
  it('BuildKit: the line of the error report, mapped to its instruction', () => {
    const parsed = parseText(fixture('buildkit-plain-failed.txt'), 1);
    const failure = locateFailure(parsed, failing, locateSteps(parsed, failing));
    assert.deepEqual(failure && [failure.instructionIndex, failure.startLine, failure.endLine], [4, 4, 5]);
  });
  it('no failure on success', () => {
    const parsed = parseText(fixture('classic-cached.txt'), 0);
    assert.equal(locateFailure(parsed, multistage, locateSteps(parsed, multistage)), undefined);
  });
});

describe('image history and layer sizes', () => {
  it('reads JSON lines, byte and human sizes', () => {
    const layers = parseImageHistory(fixture('classic-history.jsonl'));
    assert.equal(layers.length, 6);
    assert.equal(layers.at(-1)?.sizeBytes, 1982256);
    assert.equal(parseSize('1.98MB'), 1980000);
    assert.equal(parseSize('12'), 12);
    assert.equal(parseSize('n/a'), undefined);
  });

  it('classic: sizes by image id; BuildKit: by command text', () => {
    const result = recordBuild(
      {
        dockerfileUri: 'file:///w/Dockerfile',
        imageTag: 'lw-explore:1',
        target: 'web',
        buildArgs: { GREETING: 'world' },
        startedAt: 1000,
        finishedAt: 5200,
        exitCode: 0,
        canceled: false,
        parsed: parseText(fixture('classic-cached.txt'), 0),
        outline: multistage,
        layers: parseImageHistory(fixture('classic-history.jsonl')),
      },
      english,
    );
    const sizes = Object.fromEntries(
      result.instructions.map((instruction) => [instruction.startLine + 1, instruction.sizeBytes]),
    );
    assert.equal(sizes[2], 1982256);
    assert.equal(sizes[5], 12);
    assert.equal(result.succeeded, true);
    assert.deepEqual(cacheSummary(result), { steps: 6, cached: 6, ran: 0 });
    assert.equal(buildSummaryLine(result, english), 'Built lw-explore:1 in 4.2 s · 6 of 6 steps from cache');

    const buildkitLayers = parseImageHistory(
      [
        '{"ID":"<missing>","CreatedBy":"RUN /bin/sh -c echo \\"hello $GREETING\\" > /greeting.txt # buildkit",' +
          '"Size":"12","Comment":"buildkit.dockerfile.v0"}',
        '{"ID":"<missing>","CreatedBy":"RUN /bin/busybox --install -s /bin # buildkit",' +
          '"Size":"0","Comment":"buildkit.dockerfile.v0"}',
        '{"ID":"<missing>","CreatedBy":"COPY busybox /bin/busybox # buildkit",' +
          '"Size":"1982256","Comment":"buildkit.dockerfile.v0"}',
      ].join('\n'),
    );
    const buildkit = recordBuild(
      {
        ...result,
        buildArgs: {},
        exitCode: 0,
        canceled: false,
        finishedAt: 2000,
        parsed: parseText(fixture('buildkit-plain-cached.txt'), 0),
        outline: multistage,
        layers: buildkitLayers,
      },
      english,
    );
    assert.deepEqual(
      buildkit.instructions.map((instruction) => instruction.sizeBytes),
      [1982256, 0, 12],
    );
    assert.equal(instructionLabel(buildkit.instructions[2]!, english), 'ran 400 ms · +12 B');
    assert.equal(instructionLabel(buildkit.instructions[0]!, english), 'cached · +2.0 MB');
  });

  it('a failed build records the failure with its lines', () => {
    const result = recordBuild(
      {
        dockerfileUri: 'file:///w/failing.Dockerfile',
        imageTag: 'x:1',
        target: undefined,
        buildArgs: {},
        startedAt: 0,
        finishedAt: 1500,
        exitCode: 3,
        canceled: false,
        parsed: parseText(fixture('classic-failed.txt'), 3),
        outline: failing,
        layers: [],
      },
      english,
    );
    assert.equal(result.succeeded, false);
    assert.deepEqual(result.failure && [result.failure.startLine, result.failure.endLine], [4, 5]);
    assert.match(buildSummaryLine(result, english), /^Build of x:1 failed after 1.5 s/);
  });
});

describe('formatting and the store', () => {
  it('durations and sizes', () => {
    assert.deepEqual(
      [formatDuration(250), formatDuration(4210), formatDuration(125_000)],
      ['250 ms', '4.2 s', '2 min 5 s'],
    );
    // Whole seconds from 10 s, and rounding carries into the next form (never "10.0 s" or "60 s").
    assert.deepEqual(
      [12_345, 999.6, 9_960, 59_600].map((ms) => formatDuration(ms)),
      ['12 s', '1.0 s', '10 s', '1 min 0 s'],
    );
    assert.deepEqual(
      [250, 4210, 12_345, 125_000].map((ms) => formatDuration(ms, 'ko')),
      ['250ms', '4.2초', '12초', '2분 5초'],
    );
    assert.deepEqual([formatBytes(12), formatBytes(1982256), formatBytes(25_000_000)], ['12 B', '2.0 MB', '25 MB']);
  });
  it('keeps results per URI, marks them stale, notifies listeners', () => {
    const store = new BuildResultStore();
    const seen: string[] = [];
    const subscription = store.onDidChange((uri, result) =>
      seen.push(`${uri} ${result === undefined ? 'deleted' : result.stale ? 'stale' : 'fresh'}`),
    );
    const result = recordBuild(
      {
        dockerfileUri: 'file:///a',
        imageTag: 'a:1',
        target: undefined,
        buildArgs: {},
        startedAt: 0,
        finishedAt: 1,
        exitCode: 0,
        canceled: false,
        parsed: parseText(fixture('classic-cached.txt'), 0),
        outline: multistage,
        layers: [],
      },
      english,
    );
    store.set(result);
    store.markStale('file:///a');
    store.markStale('file:///a');
    store.delete('file:///a');
    subscription.dispose();
    store.set(result);
    assert.deepEqual(seen, ['file:///a fresh', 'file:///a stale', 'file:///a deleted']);
    assert.equal(store.get('file:///a')?.imageTag, 'a:1');
  });
});
