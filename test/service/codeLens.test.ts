import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BUILD_STAGE_COMMAND } from '../../server/src/protocol';
import { LspClient } from '../helpers/lspClient';

interface CodeLens {
  range: { start: { line: number; character: number } };
  command: { title: string; command: string; arguments: unknown[] };
}

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

test('"Build this stage" above every named stage runs the build command with that target', async () => {
  const uri = 'file:///lens/Dockerfile';
  await client.open(uri, 'ARG V=1\nFROM golang AS Build\nRUN go build\nFROM alpine\nFROM build AS final\n');
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.equal(BUILD_STAGE_COMMAND, 'layerwise.buildImage');
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command.title, l.command.command, l.command.arguments]),
    [
      [1, 'Build this stage', 'layerwise.buildImage', [uri, { target: 'Build' }]],
      [4, 'Build this stage', 'layerwise.buildImage', [uri, { target: 'final' }]],
    ],
  );
});

test('near miss: a file without named stages has no lenses', async () => {
  const uri = 'file:///lens/unnamed/Dockerfile';
  await client.open(uri, 'FROM alpine\nRUN true\n');
  assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
});
