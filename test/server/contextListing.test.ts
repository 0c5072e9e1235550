// The build-context listing in the server (over LSP, in-process): it runs in the background,
// the server keeps answering while it runs, hints say "not listed" for what a cut-short listing
// did not reach, and a watched-file change re-lists only the context it happened in.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { LspClient } from '../helpers/lspClient';
import { makeContext } from '../helpers/ruleHarness';

interface Hint {
  label: string;
  tooltip?: { value: string };
}

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
const made: string[] = [];
let client: LspClient;
before(async () => {
  client = await LspClient.start({ transport: 'in-process' });
});
after(async () => {
  await client.stop();
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

const hintsOf = (uri: string): Promise<Hint[]> =>
  client.request<Hint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
const listedCount = (root: string): number =>
  client.logs.filter((line) => line.includes(`listed build context ${root}:`)).length;

test('hover is answered while a big context is listed; then hints say "not listed", never "missing"', async () => {
  const text = 'FROM node:20\nCOPY package.json ./\nCOPY src ./src\nRUN npm ci\n';
  const { root, dockerfile } = makeContext({ Dockerfile: text, 'package.json': '{}', 'src/main.js': '' });
  made.push(root);
  // 60,000 folders in the root: the walk stops at its budget of 50,000 entries before reading src/.
  for (let i = 0; i < 60_000; i++) mkdirSync(join(root, `d${i}`));
  const uri = pathToFileURL(dockerfile).href;
  await client.open(uri, text);

  // The first hints start the walk and do not wait for it: src is a folder (one stat), not yet listed.
  const early = await hintsOf(uri);
  assert.match(early[1]!.tooltip!.value, /`src\/\*\*`: the files below it \(still being listed\)/);
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 1 },
  });
  assert.ok(hover?.contents.value.includes('FROM'));
  assert.equal(listedCount(root), 0, 'the hover was answered while the walk was still running');

  await client.waitForLog(`listed build context ${root}:`, 30_000);
  assert.ok(
    client.logs.some((line) => line.includes(`listed build context ${root}:`) && line.includes('stopped at the limit')),
  );
  const labels = (await hintsOf(uri)).map((h) => h.label);
  assert.deepEqual(labels.slice(0, 2), [
    'layer 1 · rebuilt when package.json or node:20 change',
    'layer 2 · rebuilt when src/** (not listed) or layer 1 change',
  ]);
  assert.ok(
    labels.every((label) => !label.includes('missing')),
    labels.join('\n'),
  );
});

test('a watched-file change re-lists only the context it is in', async () => {
  const text = 'FROM alpine\nCOPY . /app\n';
  const a = makeContext({ Dockerfile: text, 'a.txt': '' });
  const b = makeContext({ Dockerfile: text, 'b.txt': '' });
  made.push(a.root, b.root);
  const uriA = pathToFileURL(a.dockerfile).href;
  const uriB = pathToFileURL(b.dockerfile).href;
  await client.open(uriA, text);
  await client.open(uriB, text);
  await hintsOf(uriA);
  await hintsOf(uriB);
  await client.waitForLog(`listed build context ${a.root}:`);
  await client.waitForLog(`listed build context ${b.root}:`);
  assert.equal((await hintsOf(uriA))[0]!.label, 'layer 1 · rebuilt when any of 2 context files or alpine change');

  writeFileSync(join(a.root, 'package.json'), '{}');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToFileURL(join(a.root, 'package.json')).href, type: 1 }],
  });
  // A is listed again in the background; B keeps its listing.
  assert.equal((await hintsOf(uriA))[0]!.label, 'layer 1 · rebuilt when any context file or alpine change');
  assert.equal((await hintsOf(uriB))[0]!.label, 'layer 1 · rebuilt when any of 2 context files or alpine change');
  await client.waitForLog(`listed build context ${a.root}: 3 files`);
  assert.equal(listedCount(a.root), 2);
  assert.equal(listedCount(b.root), 1);
  assert.equal((await hintsOf(uriA))[0]!.label, 'layer 1 · rebuilt when any of 3 context files or alpine change');
});
