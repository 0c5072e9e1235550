// .layerwise.json over LSP: the server lays it over the workspace settings for documents below it,
// and re-reads it when the client reports the file changed. It reads the file inside the workspace
// folders only, so each test makes its folder one (test/server/boundedWork.test.ts checks outside).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { makeFolder } from '../helpers/cli';
import { LspClient } from '../helpers/lspClient';
import { useSharedLspClient } from '../helpers/sharedLspClient';

const BROKEN = 'FROM alpine:3.20\nRUNX echo hi\n';
const codes = (published: { diagnostics: { code?: string | number }[] }): unknown[] =>
  published.diagnostics.map((d) => d.code);

/** Tells the server `folder` is a workspace folder (handled before any later notification). */
const addWorkspaceFolder = (on: LspClient, folder: string): Promise<void> =>
  on.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: pathToFileURL(folder).href, name: 'root' }], removed: [] },
  });

let client: LspClient;
useSharedLspClient((started) => (client = started), { transport: 'in-process' });

test('a .layerwise.json in the folder or a parent overrides the workspace settings for that document', async () => {
  const root = makeFolder({
    '.layerwise.json': '{"diagnostics": {"enable": false}}',
    'svc/.layerwise.json': '{"diagnostics": {"enable": true}}',
  });
  await addWorkspaceFolder(client, root);
  const quiet = await client.open(pathToFileURL(join(root, 'deep/er/Dockerfile')).href, BROKEN);
  assert.deepEqual(codes(quiet), [], 'the parent folder config turns diagnostics off');
  const nearest = await client.open(pathToFileURL(join(root, 'svc/Dockerfile')).href, BROKEN);
  assert.deepEqual(codes(nearest), ['unknown-instruction'], 'the nearest config wins');
  const untitled = await client.open('untitled:Untitled-1', BROKEN);
  assert.deepEqual(codes(untitled), ['unknown-instruction'], 'documents not on disk keep the workspace settings');
});

test('the file beats the workspace turning diagnostics off; its edits apply after a watched-file event', async () => {
  const local = await LspClient.start({ transport: 'in-process', configuration: { diagnostics: { enable: false } } });
  try {
    // The pulled workspace settings re-check open documents: let that happen first.
    await local.waitForLog('settings applied');
    const root = makeFolder({ '.layerwise.json': '{"diagnostics": {"enable": true}}' });
    await addWorkspaceFolder(local, root);
    const uri = pathToFileURL(join(root, 'Dockerfile')).href;
    assert.deepEqual(codes(await local.open(uri, BROKEN)), ['unknown-instruction']);

    const configPath = join(root, '.layerwise.json');
    writeFileSync(configPath, '{"diagnostics": {"enable": false}}');
    let republished = local.waitForDiagnostics(uri);
    await local.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(configPath).href, type: 2 }],
    });
    assert.deepEqual(codes(await republished), []);

    writeFileSync(configPath, '{"diagnostics": ');
    republished = local.waitForDiagnostics(uri);
    await local.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(configPath).href, type: 2 }],
    });
    assert.deepEqual(codes(await republished), [], 'a broken file is ignored: back to the workspace settings (off)');
    assert.ok(
      local.logs.some((line) => line.includes(configPath) && line.includes('not valid JSON')),
      'the problem is logged with the path',
    );
  } finally {
    await local.stop();
  }
});

test('rule severities in the file merge with the workspace ones per rule code', async () => {
  // The workspace raises JSONArgsRecommended to an error; the file turns FromAsCasing off.
  const local = await LspClient.start({
    transport: 'in-process',
    configuration: { diagnostics: { rules: { JSONArgsRecommended: 'error', FromAsCasing: 'warning' } } },
  });
  try {
    await local.waitForLog('settings applied');
    const text = 'FROM alpine:3.20 as build\nCMD echo hi\n';
    const outside = makeFolder({});
    const inside = makeFolder({ '.layerwise.json': '{"diagnostics": {"rules": {"FromAsCasing": "off"}}}' });
    await addWorkspaceFolder(local, outside);
    await addWorkspaceFolder(local, inside);
    const severities = (published: { diagnostics: { code?: string | number; severity?: number }[] }): unknown[] =>
      published.diagnostics.map((d) => [d.code, d.severity]);
    assert.deepEqual(severities(await local.open(pathToFileURL(join(outside, 'Dockerfile')).href, text)), [
      ['FromAsCasing', 2],
      ['JSONArgsRecommended', 1],
    ]);
    assert.deepEqual(severities(await local.open(pathToFileURL(join(inside, 'Dockerfile')).href, text)), [
      ['JSONArgsRecommended', 1],
    ]);
  } finally {
    await local.stop();
  }
});
