import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dockerCommands } from '../../client/src/commands/commandCatalog';
import { BUILD_STAGE_COMMAND, readBuildStageOptions } from '../../protocol/src/protocol';
import { useTestServer } from '../helpers/testServer';

interface CodeLens {
  range: { start: { line: number; character: number } };
  command: { title: string; command: string; arguments: unknown[] };
}

const server = useTestServer('lens', { transport: 'in-process' });

test('"Build this stage" above every named stage runs the build command with that target', async () => {
  const uri = 'file:///lens/Dockerfile';
  await server.client.open(uri, 'ARG V=1\nFROM golang AS Build\nRUN go build\nFROM alpine\nFROM build AS final\n');
  const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command.title, l.command.command, l.command.arguments]),
    [
      [1, 'Build this stage', 'layerwise.docker.buildImage', [uri, { target: 'Build' }]],
      [4, 'Build this stage', 'layerwise.docker.buildImage', [uri, { target: 'final' }]],
    ],
  );
  // The client's Build Image command reads these arguments: a URI string and the target.
  assert.deepEqual(readBuildStageOptions(lenses[0]!.command.arguments[1]), { target: 'Build' });
});

test("the lens command is the client's Build Image command, contributed in package.json", () => {
  assert.equal(BUILD_STAGE_COMMAND, dockerCommands.buildImage.id);
  const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
    contributes: { commands: { command: string }[] };
  };
  assert.ok(manifest.contributes.commands.some((c) => c.command === BUILD_STAGE_COMMAND));
});

test('build options from menus or the palette (none, or malformed) leave the target to the user', () => {
  for (const value of [undefined, null, 'x', {}, { target: '' }, { target: 3 }])
    assert.equal(readBuildStageOptions(value), undefined);
});

test('near miss: a file without named stages has no lenses', async () => {
  const uri = 'file:///lens/unnamed/Dockerfile';
  await server.client.open(uri, 'FROM alpine\nRUN true\n');
  assert.deepEqual(await server.client.request('textDocument/codeLens', { textDocument: { uri } }), []);
});
