import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestServer } from '../helpers/testServer';

interface InlayHint {
  position: { line: number; character: number };
  label: string;
}

const server = useTestServer('hints', { transport: 'in-process' });

async function hints(text: string, fromLine = 0, toLine = 1000): Promise<string[]> {
  const uri = await server.open(text);
  const found = await server.client.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: fromLine, character: 0 }, end: { line: toLine, character: 0 } },
  });
  // Only the variable-value hints (`= value`); layer hints are tested in layerCache.test.ts.
  return found
    .filter((h) => h.label.startsWith('= '))
    .map((h) => `${h.position.line}:${h.position.character} ${h.label}`);
}

const TEXT = [
  'ARG REGISTRY=docker.io', // 0
  'ARG VARIANT', // 1
  'FROM ${REGISTRY}/library/python:3.13 AS app', // 2
  'ARG REGISTRY', // 3
  'ENV APP=/srv/app', // 4
  'WORKDIR ${APP}', // 5
  'COPY src/ ${APP}/${SUB:-lib}/', // 6
  'RUN echo $APP', // 7
  'FROM python:${VARIANT}', // 8
  'ARG TARGETARCH', // 9
  'WORKDIR /opt/$TARGETARCH', // 10
].join('\n');

test('values of variables in FROM and in paths, where the Dockerfile decides them', async () => {
  assert.deepEqual(await hints(TEXT), ['2:16 = docker.io', '5:14 = /srv/app', '6:16 = /srv/app']);
});

test('near misses: no hint for RUN, ARGs without a value, predefined args, names the base image may set', async () => {
  const found = await hints(TEXT);
  for (const line of [7, 8, 10]) assert.ok(!found.some((h) => h.startsWith(`${line}:`)), `line ${line}`);
  // ${SUB:-lib}: SUB may come from the base image's ENV, so its value is not known.
  assert.ok(!found.includes('6:29 = lib'));
});

test('modifiers apply to known values', async () => {
  assert.deepEqual(await hints('FROM alpine\nENV A=/a\nWORKDIR ${A:+/b}${A:-x}\n'), ['2:16 = /b', '2:23 = /a']);
});

test('only the requested lines are answered', async () => {
  assert.deepEqual(await hints(TEXT, 5, 5), ['5:14 = /srv/app']);
});

test('layerwise.inlayHints.variableValues turns them off', async () => {
  await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
    settings: { layerwise: { inlayHints: { variableValues: false } } },
  });
  try {
    assert.deepEqual(await hints(TEXT), []);
  } finally {
    await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { layerwise: {} },
    });
  }
  assert.equal((await hints(TEXT)).length, 3);
});

test('backtick-escaped files and paths continued over lines', async () => {
  const text =
    '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV DIR=C:\\app\nCOPY a.txt `\n    $DIR\n';
  assert.deepEqual(await hints(text), ['4:8 = C:\\app']);
});
