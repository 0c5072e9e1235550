// hadolint's and droast's suppressions over LSP: inline pragmas in the open document, and a
// .hadolint.yaml in a workspace folder laid over the workspace settings (under .layerwise.json).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { makeFolder, removeFolders } from '../helpers/cli';
import type { LspClient } from '../helpers/lspClient';
import { useSharedLspClient } from '../helpers/sharedLspClient';

after(removeFolders);

const DOCKERFILE = 'FROM alpine\nMAINTAINER someone\n';

const shown = (published: {
  diagnostics: { code?: string | number; severity?: number; range: { start: { line: number } } }[];
}) => published.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code} ${d.severity}`).sort();

const addWorkspaceFolder = (on: LspClient, folder: string): Promise<void> =>
  on.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: pathToFileURL(folder).href, name: 'root' }], removed: [] },
  });

let client: LspClient;
useSharedLspClient((started) => (client = started), { transport: 'in-process' });

test('inline hadolint and droast pragmas silence the equivalent rules; builder errors stay', async () => {
  const text = [
    'FROM alpine',
    '# hadolint ignore=DL4000',
    'MAINTAINER a',
    'MAINTAINER b',
    '# droast ignore=DF001 reason="pinned by digest in CI"',
    'FROM alpine AS two',
    '# hadolint ignore=DL3011',
    'EXPOSE 99999',
  ].join('\n');
  const published = await client.open('untitled:Pragmas', text);
  assert.deepEqual(shown(published), ['1 BaseImageLatestTag 2', '4 MaintainerDeprecated 2', '8 invalid-port 1']);
});

test('a .hadolint.yaml in a workspace folder applies, its notes are logged, and .layerwise.json wins', async () => {
  const root = makeFolder({
    '.hadolint.yaml': 'ignored:\n  - DL3006\noverride:\n  error: [DL4000]\nformat: json\n',
    'svc/.hadolint.yml': 'ignored: [DL3006, DL4000]\n',
    'svc/.layerwise.json': '{"diagnostics": {"rules": {"MaintainerDeprecated": "info"}}}',
  });
  await addWorkspaceFolder(client, root);
  const top = await client.open(pathToFileURL(join(root, 'Dockerfile')).href, DOCKERFILE);
  assert.deepEqual(shown(top), ['2 MaintainerDeprecated 1']);
  assert.ok(
    client.logs.some(
      (line) => line.includes(join(root, '.hadolint.yaml')) && line.includes('"format" is a hadolint output option'),
    ),
    'the key Layerwise does not apply is logged with the path',
  );
  const svc = await client.open(pathToFileURL(join(root, 'svc/Dockerfile')).href, DOCKERFILE);
  assert.deepEqual(shown(svc), ['2 MaintainerDeprecated 3'], '.layerwise.json sets the rule the hadolint file ignores');

  // A broken hadolint file is reported, and the document falls back to the workspace settings.
  const configPath = join(root, '.hadolint.yaml');
  writeFileSync(configPath, 'ignored: [DL3006\n');
  const uri = pathToFileURL(join(root, 'Dockerfile')).href;
  const republished = client.waitForDiagnostics(uri);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToFileURL(configPath).href, type: 2 }],
  });
  assert.deepEqual(shown(await republished), ['1 BaseImageLatestTag 2', '2 MaintainerDeprecated 2']);
  assert.ok(client.logs.some((line) => line.includes(configPath) && /line \d+: not valid YAML/.test(line)));
});
