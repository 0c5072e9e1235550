// The browser bundle of the server (dist/browser/server.js, built by `npm run build`) answers the
// editor's language features in a web worker (test/helpers/browserWorkerServer.ts), as the desktop
// server does: layer hints over a context listed through the client, the outline by stage, going
// to a stage from `COPY --from=`, semantic tokens, a quick fix and completion.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serveWasm, startWorkerServer, type WorkerServer } from '../helpers/browserWorkerServer';
import { makeFolder, removeFolders } from '../helpers/cli';

const TEXT = [
  'FROM node:20 AS deps', // 0
  'WORKDIR /app', // 1
  'COPY package.json ./', // 2
  'RUN npm ci', // 3
  'FROM deps AS build', // 4
  'COPY src ./src', // 5
  'RUN npm run build', // 6
  'FROM nginx:1.27', // 7
  'COPY --from=build /app/dist /usr/share/nginx/html', // 8
  'CMD nginx -c /etc/nginx/nginx.conf', // 9
  '',
].join('\n');

let wasm: { url: string; close(): void };
let server: WorkerServer;
let uri: string;
before(async () => {
  wasm = await serveWasm();
  const folder = makeFolder({ 'package.json': '{}', 'src/main.js': '', '.dockerignore': 'node_modules\n' });
  server = await startWorkerServer(folder, wasm.url);
  uri = pathToFileURL(join(folder, 'Dockerfile')).href;
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dockerfile', version: 1, text: TEXT },
  });
});
after(async () => {
  await server.stop();
  wasm.close();
  removeFolders();
});

const request = <Result>(method: string, params: Record<string, unknown>): Promise<Result> =>
  server.connection.sendRequest<Result>(method, { textDocument: { uri }, ...params });
const at = (line: number, character: number) => ({ line, character });

test('layer hints name what rebuilds each layer, from the context the client listed', async () => {
  const whole = { start: at(0, 0), end: at(100, 0) };
  // The context is listed in the background, through layerwise/fs/* requests to the client.
  let labels: string[] = [];
  for (let tries = 0; tries < 400; tries++) {
    const hints = await request<{ label: string; position: { line: number } }[]>('textDocument/inlayHint', {
      range: whole,
    });
    labels = hints.map((hint) => `${hint.position.line}: ${hint.label}`);
    if (!labels.some((label) => label.includes('still being listed') || label.includes('not listed'))) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  for (const expected of [
    '2: layer 1 · rebuilt when package.json or node:20 change',
    '3: layer 2 · rebuilt when layer 1 changes',
    '5: layer 1 · rebuilt when src or stage deps change',
    '8: layer 1 · rebuilt when stage build or nginx:1.27 change',
  ])
    assert.ok(labels.includes(expected), `${expected} in:\n${labels.join('\n')}`);
});

test('the outline has one symbol per stage, named by its stage', async () => {
  const symbols = await request<{ name: string; detail?: string; children?: { name: string }[] }[]>(
    'textDocument/documentSymbol',
    {},
  );
  assert.deepEqual(
    symbols.map((symbol) => `${symbol.name} (${symbol.detail})`),
    ['deps (node:20)', 'build (deps)', 'stage 2 (nginx:1.27)'],
  );
  assert.deepEqual(
    symbols.map((symbol) => symbol.children?.map((child) => child.name).join(' ')),
    ['FROM WORKDIR COPY RUN', 'FROM COPY RUN', 'FROM COPY CMD'],
  );
});

test('going to the definition of `build` in COPY --from= lands on its FROM', async () => {
  const found = await request<unknown>('textDocument/definition', { position: at(8, 14) });
  const locations = (Array.isArray(found) ? found : [found]) as {
    uri?: string;
    targetUri?: string;
    range?: { start: { line: number } };
    targetSelectionRange?: { start: { line: number } };
  }[];
  assert.equal(locations.length, 1, JSON.stringify(found));
  const [location] = locations;
  assert.equal(location?.uri ?? location?.targetUri, uri);
  assert.equal((location?.targetSelectionRange ?? location?.range)?.start.line, 4);
});

test('semantic tokens mark the instructions by the legend the worker sent', async () => {
  const provider = server.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } } | undefined;
  assert.ok(provider, 'semantic tokens are offered');
  const { data } = await request<{ data: number[] }>('textDocument/semanticTokens/full', {});
  assert.equal(data.length % 5, 0);
  // Decode: [deltaLine, deltaStart, length, type, modifiers] per token.
  const lines = TEXT.split('\n');
  const tokens: string[] = [];
  let line = 0;
  let start = 0;
  for (let index = 0; index < data.length; index += 5) {
    const [deltaLine, deltaStart, length, type] = data.slice(index, index + 4) as [number, number, number, number];
    line += deltaLine;
    start = deltaLine === 0 ? start + deltaStart : deltaStart;
    tokens.push(`${lines[line]?.slice(start, start + length)}:${provider.legend.tokenTypes[type]}`);
  }
  const keywords = tokens.filter((token) => token.endsWith(':keyword')).map((token) => token.split(':')[0]);
  assert.deepEqual(
    ['FROM', 'WORKDIR', 'COPY', 'RUN', 'CMD'].filter((keyword) => !keywords.includes(keyword)),
    [],
    tokens.join(' '),
  );
});

test('a quick fix rewrites the shell-form CMD as JSON', async () => {
  const deadline = Date.now() + 20_000;
  let diagnostic: { code?: string | number; range: unknown } | undefined;
  while (diagnostic === undefined && Date.now() < deadline) {
    diagnostic = server.published.get(uri)?.diagnostics.find((found) => found.code === 'JSONArgsRecommended');
    if (diagnostic === undefined) await new Promise((done) => setTimeout(done, 50));
  }
  assert.ok(diagnostic, `published: ${JSON.stringify(server.published.get(uri)?.diagnostics.map((d) => d.code))}`);
  interface TextEdit {
    newText: string;
  }
  const actions = await request<
    { title: string; edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: { edits?: TextEdit[] }[] } }[]
  >('textDocument/codeAction', { range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  const edits = actions.flatMap((action) => [
    ...(action.edit?.changes?.[uri] ?? []),
    ...(action.edit?.documentChanges ?? []).flatMap((change) => change.edits ?? []),
  ]);
  assert.ok(
    edits.some((edit) => edit.newText === '["nginx", "-c", "/etc/nginx/nginx.conf"]'),
    JSON.stringify(actions.map((action) => action.title)),
  );
});

test('completion offers instructions at the start of a line, and stage names after --from=', async () => {
  const instructions = await request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', {
    position: at(10, 0),
  });
  const labels = (Array.isArray(instructions) ? instructions : instructions.items).map((item) => item.label);
  for (const keyword of ['HEALTHCHECK', 'ENTRYPOINT', 'COPY']) assert.ok(labels.includes(keyword), labels.join(' '));
  const stages = await request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', {
    position: at(8, 12),
  });
  const stageLabels = (Array.isArray(stages) ? stages : stages.items).map((item) => item.label);
  assert.ok(stageLabels.includes('deps') && stageLabels.includes('build'), stageLabels.join(' '));
});
