// The server's side of layerwise/imageFacts, with a test client that answers from a table: the
// server asks only for images (not scratch, not stages, not unknown names), each once, in small
// batches; the answers reach the model and the documents are checked again; imagesChanged asks
// again; a malformed answer or a failing client changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IMAGES_CHANGED, type LocalImageFacts } from '../../protocol/src/protocol';
import { eventually } from '../helpers/dockerEngine';
import { type ImageFactsClient, startImageFactsClient } from '../helpers/imageFactsClient';
import type { LspClient } from '../helpers/lspClient';

const facts = (reference: string, env: [string, string][]): LocalImageFacts => ({
  reference,
  source: { kind: 'local', imageId: `sha256:${'a'.repeat(60)}${env.length.toString().padStart(4, '0')}` },
  env,
  user: '1000',
  workdir: '/app',
  exposedPorts: [],
  volumes: [],
  labels: {},
});

describe('layerwise/imageFacts from the server', () => {
  let imageFacts: ImageFactsClient;
  let client: LspClient;
  const requests: string[][] = [];
  /** What the test client answers, by reference; absent: null. A function throws. */
  const table = new Map<string, unknown>();

  before(async () => {
    imageFacts = await startImageFactsClient((references) => {
      requests.push(references);
      if (references.includes('failing:1')) throw new Error('the engine went away');
      return references.map((reference) => table.get(reference) ?? null);
    });
    client = imageFacts.client;
  });
  after(async () => {
    await client.stop();
  });

  const asked = (): string[] => requests.flat();

  it('asks about the images stages start from, each once, in batches of at most 16', async () => {
    const images = Array.from({ length: 20 }, (_, index) => `image${index}:1`);
    const text = [
      'ARG TAG',
      'FROM scratch AS empty',
      'FROM empty AS child',
      'FROM unknown:${TAG}',
      '',
      ...images.map((image) => `FROM ${image}`),
      'FROM image0:1',
      '',
    ].join('\n');
    await client.open('file:///base-images/many/Dockerfile', text);
    await eventually(async () => (asked().length >= 20 ? true : undefined), 10_000, 'requests for 20 images');
    assert.deepEqual([...asked()].sort(), [...images].sort());
    assert.ok(
      requests.every((batch) => batch.length <= 16),
      JSON.stringify(requests),
    );
    // Another document with one of them and a new one: only the new one is asked about.
    const before = requests.length;
    await client.open('file:///base-images/more/Dockerfile', 'FROM image3:1\nFROM fresh:1\n');
    await eventually(async () => (requests.length > before ? true : undefined), 10_000, 'a request for fresh:1');
    assert.deepEqual(requests.slice(before), [['fresh:1']]);
  });

  const uri = 'file:///base-images/env/Dockerfile';

  it('puts the answer into the model and checks the documents that use the image again', async () => {
    table.set('app:1', facts('app:1', [['APP_HOME', '/app']]));
    await client.open(uri, 'FROM app:1\nENV A=$APP_HOME\nENV B=$APP_HOEM\nENV C=$LOG_DIR\n');
    const diagnostics = await imageFacts.diagnosticsAfterAnswer(uri, 'app:1');
    const undefinedVars = diagnostics.filter((diagnostic) => diagnostic.code === 'UndefinedVar');
    assert.deepEqual(
      undefinedVars.map((diagnostic) => diagnostic.range.start.line),
      [2, 3],
    );
    assert.match(undefinedVars[0]!.message, /did you mean \$APP_HOME\?/);
  });

  it('asks again after imagesChanged, and a changed answer updates the documents', async () => {
    table.set(
      'app:1',
      facts('app:1', [
        ['APP_HOME', '/app'],
        ['LOG_DIR', '/log'],
      ]),
    );
    imageFacts.forgetAnswer('app:1');
    const before = requests.length;
    await client.connection.sendNotification(IMAGES_CHANGED);
    const diagnostics = await imageFacts.diagnosticsAfterAnswer(uri, 'app:1');
    assert.ok(
      requests.slice(before).some((batch) => batch.includes('app:1')),
      JSON.stringify(requests.slice(before)),
    );
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.code === 'UndefinedVar').map((d) => d.range.start.line),
      [2],
    );
  });

  it('ignores a malformed answer and a failing client, and keeps answering', async () => {
    table.set('junk:1', { source: { kind: 'local' }, env: 'A=1' });
    const junk = 'file:///base-images/junk/Dockerfile';
    await client.open(junk, 'FROM junk:1\nENV A=$X\n');
    await eventually(async () => (imageFacts.answered('junk:1') ? true : undefined), 10_000, 'the answer about junk:1');
    // Checked after the answer arrived: read as facts, the answer would define no $X, and UndefinedVar would say so.
    const checked = await client.change(junk, 2, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\n' },
    ]);
    assert.deepEqual(
      checked.diagnostics.filter((diagnostic) => diagnostic.code === 'UndefinedVar'),
      [],
    );
    await client.open('file:///base-images/failing/Dockerfile', 'FROM failing:1\n');
    await client.waitForLog('could not tell about base images');
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: junk },
      position: { line: 0, character: 1 },
    });
    assert.match(hover?.contents.value ?? '', /FROM/);
  });
});
