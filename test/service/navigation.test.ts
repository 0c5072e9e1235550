import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useTestServer } from '../helpers/testServer';
import { type Pos, positionOf, type Rng, showSpan } from '../helpers/positions';

const server = useTestServer('navigation', { transport: 'in-process' });

async function open(text: string): Promise<string> {
  const uri = await server.open(text);
  return uri;
}

async function references(text: string, at: Pos, includeDeclaration = true): Promise<string[]> {
  const uri = await open(text);
  const found = await server.client.request<{ range: Rng }[]>('textDocument/references', {
    textDocument: { uri },
    position: at,
    context: { includeDeclaration },
  });
  return found.map((l) => showSpan(text, l.range));
}

async function definition(text: string, at: Pos): Promise<string[] | null> {
  const uri = await open(text);
  const found = await server.client.request<{ uri: string; range: Rng }[] | null>('textDocument/definition', {
    textDocument: { uri },
    position: at,
  });
  return found === null ? null : found.map((l) => showSpan(text, l.range));
}

async function highlights(text: string, at: Pos): Promise<string[]> {
  const uri = await open(text);
  const found = await server.client.request<{ range: Rng; kind: number }[]>('textDocument/documentHighlight', {
    textDocument: { uri },
    position: at,
  });
  return found.map((h) => `${showSpan(text, h.range)}${h.kind === 3 ? ' write' : ''}`);
}

const STAGES = [
  'FROM golang:1.22 AS Build', // 0
  'RUN go build -o /out/app', // 1
  'FROM build AS test', // 2
  'RUN --mount=type=cache,from=build,target=/cache go test ./...', // 3
  'FROM alpine', // 4
  'COPY --from=build /out/app /app', // 5
  'COPY --from=0 /etc/ssl /etc/ssl', // 6
  'COPY --from=nginx:latest /etc/nginx /etc/nginx', // 7
  'ONBUILD COPY --from=build /x /y', // 8
].join('\n');

describe('stage names', () => {
  test('references: FROM ... AS, FROM <stage>, COPY --from (name or index), RUN --mount from=, ONBUILD', async () => {
    const expected = ['Build@0:20', 'build@2:5', 'build@3:28', 'build@5:12', '0@6:12', 'build@8:20'];
    assert.deepEqual(await references(STAGES, positionOf(STAGES, 'Build', 0, 2)), expected);
    assert.deepEqual(await references(STAGES, positionOf(STAGES, '=build', 1, 3)), expected);
    assert.deepEqual(await references(STAGES, positionOf(STAGES, 'Build', 0, 2), false), expected.slice(1));
  });
  test('definition of a stage use is its FROM ... AS name', async () => {
    assert.deepEqual(await definition(STAGES, positionOf(STAGES, 'from=build', 0, 7)), ['Build@0:20']);
    assert.deepEqual(await definition(STAGES, positionOf(STAGES, 'FROM build', 0, 6)), ['Build@0:20']);
  });
  test('highlight marks the declaration as a write', async () => {
    assert.deepEqual(await highlights(STAGES, positionOf(STAGES, 'test', 0, 1)), ['test@2:14 write']);
  });
  test('near misses: an image in --from and a plain image are no stage references', async () => {
    assert.deepEqual(await references(STAGES, positionOf(STAGES, 'nginx:latest', 0, 2)), []);
    assert.deepEqual(await definition(STAGES, positionOf(STAGES, 'alpine', 0, 2)), null);
  });
});

describe('stage indexes: COPY --from=<n>', () => {
  test('an index is a use of the stage at that position, found from the index and from the name', async () => {
    const expected = ['Build@0:20', 'build@2:5', 'build@3:28', 'build@5:12', '0@6:12', 'build@8:20'];
    assert.deepEqual(await references(STAGES, positionOf(STAGES, '--from=0', 0, 7)), expected);
    assert.deepEqual(await references(STAGES, positionOf(STAGES, '--from=0', 0, 7), false), expected.slice(1));
    assert.deepEqual(await definition(STAGES, positionOf(STAGES, '--from=0', 0, 7)), ['Build@0:20']);
  });
  test('highlight from an index marks the AS name as the write', async () => {
    const text = 'FROM alpine AS base\nFROM alpine\nCOPY --from=0 /a /b\nCOPY --from=base /c /d\n';
    assert.deepEqual(await highlights(text, positionOf(text, '=0', 0, 1)), ['base@0:15 write', '0@2:12', 'base@3:12']);
  });
  test('an unnamed stage: its indexes find each other and the definition is its FROM', async () => {
    const text = 'FROM golang\nRUN go build\nFROM alpine\nCOPY --from=0 /a /b\nCOPY --from=00 /c /d\n';
    assert.deepEqual(await references(text, positionOf(text, '=0 ', 0, 1)), ['0@3:12', '00@4:12']);
    assert.deepEqual(await definition(text, positionOf(text, '=00', 0, 1)), ['FROM golang@0:0']);
    assert.deepEqual(await highlights(text, positionOf(text, '=00', 0, 2)), ['0@3:12', '00@4:12']);
  });
  test('near misses: no such stage, RUN --mount from= (names only) and an index inside ONBUILD', async () => {
    const text =
      'FROM golang AS build\nFROM alpine\nCOPY --from=5 /a /b\n' +
      'RUN --mount=from=0,target=/x true\nONBUILD COPY --from=0 /c /d\n';
    assert.deepEqual(await references(text, positionOf(text, '=5', 0, 1)), []);
    assert.deepEqual(await definition(text, positionOf(text, 'from=0,', 0, 5)), null);
    assert.deepEqual(await references(text, positionOf(text, 'from=0,', 0, 5)), []);
    assert.deepEqual(await references(text, positionOf(text, '--from=0 /c', 0, 7)), []);
  });
});

const VARIABLES = [
  'ARG VERSION=1.0', // 0
  'ARG BASE=alpine', // 1
  'FROM ${BASE}:$VERSION AS app', // 2
  'ARG VERSION', // 3
  'ENV APP_HOME=/opt/app-$VERSION', // 4
  'WORKDIR $APP_HOME', // 5
  'RUN echo "${VERSION:-none} $HOME"', // 6
  'FROM app', // 7
  'WORKDIR ${APP_HOME}/sub', // 8
  'RUN echo $VERSION', // 9
  'FROM alpine AS other', // 10
  'ARG VERSION=2.0', // 11
  'RUN echo $VERSION', // 12
].join('\n');

describe('ARG and ENV names', () => {
  test('a global ARG, its use in FROM, its redeclaration in a stage and the uses after it are one symbol', async () => {
    const expected = ['VERSION@0:4', 'VERSION@2:14', 'VERSION@3:4', 'VERSION@4:23', 'VERSION@6:12'];
    assert.deepEqual(await references(VARIABLES, positionOf(VARIABLES, 'VERSION', 0, 1)), expected);
    assert.deepEqual(await references(VARIABLES, positionOf(VARIABLES, 'VERSION:-', 0, 3)), expected);
  });
  test('another stage declaring the same name with its own default is a separate symbol', async () => {
    assert.deepEqual(await references(VARIABLES, positionOf(VARIABLES, 'VERSION=2.0', 0, 0)), [
      'VERSION@11:4',
      'VERSION@12:10',
    ]);
  });
  test('an ENV is found across stages that inherit it', async () => {
    assert.deepEqual(await references(VARIABLES, positionOf(VARIABLES, 'APP_HOME', 0, 0)), [
      'APP_HOME@4:4',
      'APP_HOME@5:9',
      'APP_HOME@8:10',
    ]);
  });
  test('definition of a use in a stage: the stage ARG and the global ARG it takes its value from', async () => {
    assert.deepEqual(await definition(VARIABLES, positionOf(VARIABLES, 'VERSION:-', 0, 0)), [
      'VERSION@3:4',
      'VERSION@0:4',
    ]);
    assert.deepEqual(await definition(VARIABLES, positionOf(VARIABLES, '$VERSION AS', 0, 1)), ['VERSION@0:4']);
    assert.deepEqual(await definition(VARIABLES, positionOf(VARIABLES, '${APP_HOME}', 0, 3)), ['APP_HOME@4:4']);
  });
  test('near misses: no definition for an undeclared name, or for an ARG a stage does not redeclare', async () => {
    assert.deepEqual(await definition(VARIABLES, positionOf(VARIABLES, '$HOME', 0, 2)), null);
    // Line 9 uses VERSION in a stage that did not declare it: the shell sees no value.
    assert.deepEqual(await definition(VARIABLES, positionOf(VARIABLES, 'echo $VERSION', 0, 7)), null);
  });
  test('highlight shows declarations as writes and uses as reads', async () => {
    assert.deepEqual(await highlights(VARIABLES, positionOf(VARIABLES, 'BASE', 0, 1)), ['BASE@1:4 write', 'BASE@2:7']);
  });
  test('predefined platform ARGs are found across FROM and stages', async () => {
    const text = 'FROM --platform=$BUILDPLATFORM golang AS build\nARG TARGETARCH\nRUN GOARCH=$TARGETARCH go build\n';
    assert.deepEqual(await references(text, positionOf(text, 'TARGETARCH', 1, 2)), [
      'TARGETARCH@1:4',
      'TARGETARCH@2:12',
    ]);
  });
});

describe('heredoc delimiters', () => {
  const text = 'FROM alpine\nRUN <<-"SCRIPT" bash\n\techo hi\n\tSCRIPT\nRUN echo SCRIPT\n';
  test('the opening word and the terminator line are one symbol', async () => {
    assert.deepEqual(await references(text, positionOf(text, 'SCRIPT', 0, 1)), ['SCRIPT@1:8', 'SCRIPT@3:1']);
    assert.deepEqual(await definition(text, positionOf(text, '\tSCRIPT', 0, 3)), ['SCRIPT@1:8']);
  });
  test('near miss: the same word elsewhere is not the delimiter', async () => {
    assert.deepEqual(await references(text, positionOf(text, 'echo SCRIPT', 0, 7)), []);
  });
});

test('backtick-escaped files: names split across a continuation are still found', async () => {
  const text = '# escape=`\nFROM alpine AS base\nFROM base\nCOPY --from=base `\n    C:\\a C:\\b\n';
  assert.deepEqual(await references(text, positionOf(text, 'base', 0, 1)), ['base@1:15', 'base@2:5', 'base@3:12']);
});
