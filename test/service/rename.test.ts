import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useTestServer } from '../helpers/testServer';
import { type Pos, positionOf, type Rng } from '../helpers/positions';
import { applyEdits } from '../helpers/textEdits';

const server = useTestServer('rename', { transport: 'in-process' });

async function open(text: string): Promise<string> {
  const uri = await server.open(text);
  return uri;
}

async function rename(text: string, at: Pos, newName: string): Promise<string> {
  const uri = await open(text);
  const edit = await server.client.request<{ changes: Record<string, { range: Rng; newText: string }[]> }>(
    'textDocument/rename',
    { textDocument: { uri }, position: at, newName },
  );
  return applyEdits(text, edit.changes[uri] ?? []);
}

async function refusal(text: string, at: Pos, newName?: string): Promise<string> {
  const uri = await open(text);
  try {
    if (newName === undefined)
      await server.client.request('textDocument/prepareRename', { textDocument: { uri }, position: at });
    else await server.client.request('textDocument/rename', { textDocument: { uri }, position: at, newName });
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
}

describe('prepareRename', () => {
  test('gives the range and current text of the name under the cursor', async () => {
    const text = 'FROM alpine AS base\nCOPY --from=base /a /b\n';
    const uri = await open(text);
    const result = await server.client.request<{ range: Rng; placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri },
      position: positionOf(text, '=base', 0, 2),
    });
    assert.deepEqual(result, {
      range: { start: { line: 1, character: 12 }, end: { line: 1, character: 16 } },
      placeholder: 'base',
    });
  });
  test('returns null where there is nothing to rename', async () => {
    const text = 'FROM alpine\nRUN echo hi\n';
    const uri = await open(text);
    assert.equal(
      await server.client.request('textDocument/prepareRename', {
        textDocument: { uri },
        position: positionOf(text, 'echo', 0, 1),
      }),
      null,
    );
  });
  test('refuses predefined build args and names declared outside the Dockerfile', async () => {
    const text = 'FROM alpine\nARG TARGETARCH\nRUN echo $TARGETARCH $HOME\n';
    assert.match(
      await refusal(text, positionOf(text, '$TARGETARCH', 0, 2)),
      /TARGETARCH is a build argument the builder predefines/,
    );
    assert.match(await refusal(text, positionOf(text, '$HOME', 0, 2)), /Nothing in this Dockerfile declares HOME/);
  });
  test('refusals are in Korean when the docs language is Korean', async () => {
    const text = 'FROM alpine\nRUN echo $HOME\n';
    const uri = await open(text);
    // Pushed settings apply on receipt, before the next request is handled.
    await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { layerwise: { docs: { language: 'ko' } } },
    });
    try {
      await assert.rejects(
        server.client.request('textDocument/prepareRename', {
          textDocument: { uri },
          position: positionOf(text, 'HOME'),
        }),
        /선언하는 곳이 없습니다/,
      );
    } finally {
      await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { layerwise: {} },
      });
    }
  });
});

describe('rename', () => {
  test('a stage name everywhere it is used', async () => {
    const text =
      'FROM golang AS build\nFROM build AS test\nRUN --mount=from=build,target=/c true\n' +
      'FROM alpine\nCOPY --from=build /a /b\n';
    assert.equal(
      await rename(text, positionOf(text, 'build', 2), 'compile'),
      'FROM golang AS compile\nFROM compile AS test\nRUN --mount=from=compile,target=/c true\n' +
        'FROM alpine\nCOPY --from=compile /a /b\n',
    );
  });
  test('a stage name leaves COPY --from=<index> as written: the index still names the same stage', async () => {
    const text = 'FROM golang AS build\nFROM alpine\nCOPY --from=0 /a /b\nCOPY --from=build /c /d\n';
    assert.equal(
      await rename(text, positionOf(text, 'build'), 'compile'),
      'FROM golang AS compile\nFROM alpine\nCOPY --from=0 /a /b\nCOPY --from=compile /c /d\n',
    );
  });
  test('refuses to rename at a stage index, named stage or not', async () => {
    const named = 'FROM golang AS build\nFROM alpine\nCOPY --from=0 /a /b\n';
    assert.match(await refusal(named, positionOf(named, '=0', 0, 1)), /names the stage by its position/);
    assert.match(await refusal(named, positionOf(named, '=0', 0, 1), 'compile'), /names the stage by its position/);
    const unnamed = 'FROM golang\nFROM alpine\nCOPY --from=0 /a /b\n';
    assert.match(await refusal(unnamed, positionOf(unnamed, '=0', 0, 1)), /names the stage by its position/);
  });
  test('a global ARG with its redeclaration and uses, leaving another stage alone', async () => {
    const text = 'ARG V=1\nFROM alpine:$V\nARG V\nRUN echo ${V:-0}\nFROM alpine\nARG V=2\nRUN echo $V\n';
    assert.equal(
      await rename(text, positionOf(text, '$V', 0, 1), 'VERSION'),
      'ARG VERSION=1\nFROM alpine:$VERSION\nARG VERSION\nRUN echo ${VERSION:-0}\nFROM alpine\nARG V=2\nRUN echo $V\n',
    );
  });
  test('an ENV name in a heredoc body too', async () => {
    const text = 'FROM alpine\nENV DIR=/srv\nRUN <<EOF\ncd $DIR\nEOF\n';
    assert.equal(
      await rename(text, positionOf(text, 'DIR'), 'ROOT'),
      'FROM alpine\nENV ROOT=/srv\nRUN <<EOF\ncd $ROOT\nEOF\n',
    );
  });
  test('a heredoc delimiter, keeping its quotes and the tabs <<- strips', async () => {
    const text = 'FROM alpine\nRUN <<-"EOT" sh\n\techo hi\n\tEOT\n';
    assert.equal(
      await rename(text, positionOf(text, 'EOT'), 'SCRIPT'),
      'FROM alpine\nRUN <<-"SCRIPT" sh\n\techo hi\n\tSCRIPT\n',
    );
  });
  test('in a backtick-escaped file', async () => {
    const text = '# escape=`\nFROM alpine AS base\nFROM base `\n    AS final\n';
    assert.equal(
      await rename(text, positionOf(text, 'base'), 'root'),
      '# escape=`\nFROM alpine AS root\nFROM root `\n    AS final\n',
    );
  });
  test('refuses new names the builder would reject or that change the meaning', async () => {
    const stages = 'FROM golang AS build\nFROM alpine AS test\n';
    assert.match(await refusal(stages, positionOf(stages, 'build'), '1st'), /not a valid stage name/);
    assert.match(await refusal(stages, positionOf(stages, 'build'), 'TEST'), /A stage named "TEST" already exists/);
    assert.equal(await refusal(stages, positionOf(stages, 'build'), 'build-2.x_y'), 'accepted');
    const variables = 'FROM alpine\nARG A=1\nARG B=2\nRUN echo $A $B\n';
    assert.match(await refusal(variables, positionOf(variables, 'A='), 'my-var'), /not a valid variable name/);
    assert.match(await refusal(variables, positionOf(variables, 'A='), 'B'), /B is already defined where A is used/);
    assert.match(await refusal(variables, positionOf(variables, 'A='), 'HTTP_PROXY'), /predefined by the builder/);
    const heredoc = 'FROM alpine\nRUN <<EOF\necho END\nEND\nEOF\n';
    assert.match(
      await refusal(heredoc, positionOf(heredoc, 'EOF'), 'END'),
      /already appears as a line of this heredoc/,
    );
    assert.match(await refusal(heredoc, positionOf(heredoc, 'EOF'), 'two words'), /not a usable heredoc delimiter/);
  });
});
