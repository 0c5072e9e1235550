// Layer hints, build results, "what does changing this file rebuild?" and the cache quick
// fixes, over LSP to an in-process server.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  BUILD_RESULTS,
  FILE_IMPACT,
  type BuildResultsParams,
  type FileImpactResult,
} from '../../protocol/src/protocol';
import { instructionLabel } from '../../client/src/build/buildSummary';
import { english } from '../../client/src/l10n/translator';
import { LspClient } from '../helpers/lspClient';
import { makeContext } from '../helpers/ruleHarness';

interface Hint {
  position: { line: number; character: number };
  label: string;
  tooltip?: { value: string };
}

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };
const NO_BASE_IMAGE_HINTS = { inlayHints: { baseImage: false } };
let client: LspClient;
before(async () => {
  // Layer hints only: the base image's hints (baseImageFacts.test.ts) are off.
  client = await LspClient.start({ transport: 'in-process', configuration: NO_BASE_IMAGE_HINTS });
});
after(async () => {
  await client.stop();
});

const hintsOf = (uri: string, c = client): Promise<Hint[]> =>
  c.request<Hint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
const labels = (hints: Hint[]): string[] => hints.map((h) => `${h.position.line}:${h.position.character} ${h.label}`);

const APP =
  'FROM node:20 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n' +
  'COPY src ./src\nRUN npm run build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n';

test('initialize announces inlay hints', () => {
  const caps = (client.initializeResult as { capabilities: { inlayHintProvider?: unknown } }).capabilities;
  assert.deepEqual(caps.inlayHintProvider, { resolveProvider: false });
});

test('each layer gets a hint at the end of its first line with what rebuilds it', async () => {
  const { root, dockerfile } = makeContext({
    'package.json': '{}',
    'package-lock.json': '{}',
    'src/a.ts': '',
    'src/b.ts': '',
    'src/b.test.ts': '',
    '.dockerignore': '**/*.test.ts\n',
  });
  const uri = pathToFileURL(dockerfile).href;
  await client.open(uri, APP);
  // The first hints start listing the context in the background; the tooltip's counts need the listing.
  await hintsOf(uri);
  await client.waitForLog(`listed build context ${root}:`);
  const hints = await hintsOf(uri);
  assert.deepEqual(labels(hints), [
    '2:38 layer 1 · rebuilt when package.json, package-lock.json or node:20 change',
    '3:10 layer 2 · rebuilt when layer 1 changes',
    '4:14 layer 3 · rebuilt when src/** or layer 2 change',
    '5:17 layer 4 · rebuilt when layer 3 changes',
    '7:49 layer 1 · rebuilt when stage build or nginx change',
  ]);
  // The tooltip counts the files after .dockerignore.
  assert.match(hints[2]!.tooltip!.value, /`src\/\*\*`: 2 files \(`src\/a\.ts`, `src\/b\.ts`\)/);
});

test('hints only for the requested range, in Korean when asked, and off by setting', async () => {
  const ko = await LspClient.start({
    transport: 'in-process',
    initializationOptions: { locale: 'ko' },
    configuration: NO_BASE_IMAGE_HINTS,
  });
  try {
    const uri = 'untitled:ko';
    await ko.open(uri, 'FROM alpine\nCOPY . /app\nARG V\nRUN make\n');
    const hints = await ko.request<Hint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 3, character: 5 } },
    });
    assert.deepEqual(labels(hints), ['3:8 레이어 2 · 빌드 인자 V, 레이어 1 변경 시 다시 빌드']);
    await ko.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { layerwise: { cache: { layerHints: false }, ...NO_BASE_IMAGE_HINTS } },
    });
    await ko.waitForDiagnostics(uri);
    assert.deepEqual(await ko.request('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE }), []);
  } finally {
    await ko.stop();
  }
});

test('build results show in the hints and are dropped when the instruction or one above it changes', async () => {
  const uri = 'untitled:built';
  await client.open(uri, 'FROM alpine\nRUN apk add curl\nCOPY . /app\nRUN make\n');
  const results: BuildResultsParams = {
    uri,
    instructions: [
      { line: 1, keyword: 'RUN', status: 'cached' },
      { line: 2, keyword: 'COPY', status: 'ran', durationMs: 420, sizeBytes: 1_250_000 },
      { line: 3, keyword: 'RUN', status: 'ran', durationMs: 12_345 },
      { line: 0, keyword: 'RUN', status: 'ran' }, // wrong keyword: ignored
    ],
  };
  await client.connection.sendNotification(BUILD_RESULTS.method, results);
  assert.deepEqual(labels(await hintsOf(uri)), [
    '1:16 layer 1 · rebuilt when alpine changes · last build: cached',
    '2:11 layer 2 · rebuilt when any context file or layer 1 change · last build: ran 420 ms, 1.3 MB',
    '3:8 layer 3 · rebuilt when layer 2 changes · last build: ran 12 s',
  ]);
  // The client's build decorations word the same results the same way.
  const clientResult = {
    instructionIndex: 0,
    startLine: 0,
    endLine: 0,
    keyword: 'RUN',
    status: 'ran',
    errorMessage: undefined,
  } as const;
  assert.deepEqual(
    [
      instructionLabel({ ...clientResult, durationMs: 420, sizeBytes: 1_250_000 }, english),
      instructionLabel({ ...clientResult, durationMs: 12_345, sizeBytes: undefined }, english),
    ],
    ['ran 420 ms · +1.3 MB', 'ran 12 s'],
  );
  // A blank line and a comment above move the instructions but change no cache key: kept.
  await client.change(uri, 2, [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n# tools\n' },
  ]);
  assert.deepEqual(
    (await hintsOf(uri)).map((h) => h.label.split(' · ').pop()),
    ['last build: cached', 'last build: ran 420 ms, 1.3 MB', 'last build: ran 12 s'],
  );
  // Editing the COPY drops its result and the one after it, not the one before.
  await client.change(uri, 3, [
    { range: { start: { line: 4, character: 11 }, end: { line: 4, character: 11 } }, text: '/' },
  ]);
  assert.deepEqual(
    (await hintsOf(uri)).map((h) => h.label.includes('last build')),
    [true, false, false],
  );
  // An empty list forgets the build.
  await client.connection.sendNotification(BUILD_RESULTS.method, { uri, instructions: [] });
  assert.deepEqual(
    (await hintsOf(uri)).map((h) => h.label.includes('last build')),
    [false, false, false],
  );
});

test('a stage the build did not need shows as not built', async () => {
  const uri = 'untitled:not-built';
  await client.open(uri, 'FROM alpine AS tools\nRUN apk add curl\nFROM alpine\nRUN echo app\n');
  await client.connection.sendNotification(BUILD_RESULTS.method, {
    uri,
    instructions: [
      { line: 1, keyword: 'RUN', status: 'not-built' },
      { line: 3, keyword: 'RUN', status: 'ran', durationMs: 300 },
    ],
  });
  assert.deepEqual(
    (await hintsOf(uri)).flatMap((h) => h.label.split(' · ').filter((part) => part.startsWith('last build'))),
    ['last build: not built (stage not needed)', 'last build: ran 300 ms'],
  );
});

test('malformed build results are ignored with a log line, never a crash', async () => {
  await client.connection.sendNotification(BUILD_RESULTS.method, { uri: 42 });
  await client.connection.sendNotification(BUILD_RESULTS.method, null);
  const uri = 'untitled:still-alive';
  await client.open(uri, 'FROM a\nRUN b\n');
  assert.equal((await hintsOf(uri)).length, 1);
  assert.ok(client.logs.some((l) => l.includes('malformed build results')));
});

test('what does changing this file rebuild, for each Dockerfile', async () => {
  const { root } = makeContext({
    'api/Dockerfile': 'FROM python\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
    'api/requirements.txt': 'flask\n',
    'api/.dockerignore': '*.md\n',
    'api/README.md': '',
    'web/Dockerfile': APP,
    'web/package.json': '{}',
  });
  const ask = (file: string, dockerfiles: string[]): Promise<FileImpactResult> =>
    client.request<FileImpactResult>(FILE_IMPACT.method, {
      fileUri: pathToFileURL(join(root, file)).href,
      dockerfileUris: dockerfiles.map((d) => pathToFileURL(join(root, d)).href),
    });
  const both = ['api/Dockerfile', 'web/Dockerfile'];
  const summary = (result: FileImpactResult): string[] =>
    result.dockerfiles.map((d) =>
      d.first
        ? `${d.first.line}:${d.first.text} s=${d.first.stage} l=${d.first.layer} +${d.rebuiltAfter}`
        : `- ${d.reason}`,
    );
  assert.deepEqual(summary(await ask('api/requirements.txt', both)), [
    '1:COPY requirements.txt . s=0 l=1 +2',
    '- outside-context',
  ]);
  assert.deepEqual(summary(await ask('api/README.md', both)), ['- ignored', '- outside-context']);
  assert.deepEqual(summary(await ask('web/package.json', both)), [
    '- outside-context',
    '2:COPY package.json package-lock.json ./ s=build l=1 +4',
  ]);
  assert.deepEqual(summary(await ask('web/src', both)), ['- outside-context', '4:COPY src ./src s=build l=3 +2']);
  assert.deepEqual(summary(await ask('web/README.md', both)), ['- outside-context', '- not-copied']);
  assert.deepEqual(summary(await ask('api/x', ['api/missing.Dockerfile'])), ['- unreadable']);
  assert.deepEqual(await client.request(FILE_IMPACT.method, null), { dockerfiles: [] });
});

test('an open, edited Dockerfile is answered from the editor text, not the disk', async () => {
  const { root, dockerfile } = makeContext({ Dockerfile: 'FROM a\nCOPY a.txt /\n', 'a.txt': '' });
  const uri = pathToFileURL(dockerfile).href;
  await client.open(uri, 'FROM a\nRUN x\nCOPY a.txt /\n');
  const result = await client.request<FileImpactResult>(FILE_IMPACT.method, {
    fileUri: pathToFileURL(join(root, 'a.txt')).href,
    dockerfileUris: [uri],
  });
  assert.equal(result.dockerfiles[0]!.first?.line, 2);
});

interface CodeAction {
  title: string;
  edit: {
    documentChanges: (
      | { kind: string; uri: string }
      | { textDocument: { uri: string; version: number | null }; edits: { newText: string; range: unknown }[] }
    )[];
  };
}

test('quick fixes: create a .dockerignore, then extend it after the watched-file change', async () => {
  const { root, dockerfile } = makeContext({ 'package.json': '{}', '.git/': '' });
  const uri = pathToFileURL(dockerfile).href;
  const published = await client.open(uri, 'FROM node\nCOPY . .\nCMD ["node", "."]\n');
  const missing = published.diagnostics.find((d) => d.code === 'DockerignoreMissing');
  assert.ok(missing, JSON.stringify(published.diagnostics));
  assert.equal(missing.severity, 3);
  let actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: missing.range,
    context: { diagnostics: [missing] },
  });
  const ignoreUri = pathToFileURL(join(root, '.dockerignore')).href;
  assert.equal(actions[0]!.title, 'Create .dockerignore (.git, node_modules)');
  assert.deepEqual(actions[0]!.edit.documentChanges[0], {
    kind: 'create',
    uri: ignoreUri,
    options: { overwrite: true },
  });

  // The user writes a partial .dockerignore; the client reports the change.
  writeFileSync(join(root, '.dockerignore'), 'node_modules');
  const next = client.waitForDiagnostics(uri);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: ignoreUri, type: 1 }],
  });
  const incomplete = (await next).diagnostics.find((d) => d.code === 'DockerignoreIncomplete');
  assert.ok(incomplete);
  actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: incomplete.range,
    context: { diagnostics: [incomplete] },
  });
  assert.equal(actions[0]!.title, 'Add .git to .dockerignore');
  assert.deepEqual(actions[0]!.edit.documentChanges, [
    {
      textDocument: { uri: ignoreUri, version: null },
      edits: [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, newText: '\n.git\n' }],
    },
  ]);
  assert.ok(existsSync(join(root, '.dockerignore')));
});

test('quick fix: install before the broad copy, manifests from the context', async () => {
  const { dockerfile } = makeContext({
    'package.json': '{}',
    'yarn.lock': '',
    '.dockerignore': '.git\nnode_modules\n',
  });
  const uri = pathToFileURL(dockerfile).href;
  const published = await client.open(uri, 'FROM node\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\n');
  const finding = published.diagnostics.find((d) => d.code === 'InstallAfterBroadCopy');
  assert.ok(finding);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: finding.range,
    context: { diagnostics: [finding] },
  });
  const change = actions[0]!.edit.documentChanges[0] as { edits: { newText: string }[] };
  assert.equal(change.edits[0]!.newText, 'COPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n');
});

test('end to end: parsed docker build output -> build results store -> forwarder -> layer hints', async () => {
  const { recordBuild } = await import('../../client/src/build/buildRecord');
  const { BuildResultStore } = await import('../../client/src/build/buildResults');
  const { forwardBuildResults } = await import('../../client/src/cache/buildResultsForwarder');
  const { outlineDockerfile } = await import('../../client/src/docker/parsedDockerfile');
  const { parseImageHistory } = await import('../../client/src/docker/imageHistory');
  const { fixture, parseText } = await import('../helpers/buildOutput');
  const text = fixture('multistage.Dockerfile');
  const uri = 'untitled:multistage-built';
  await client.open(uri, text);
  const store = new BuildResultStore();
  const forwarding = forwardBuildResults(
    store,
    (params) => void client.connection.sendNotification(BUILD_RESULTS.method, params),
  );
  store.set(
    recordBuild(
      {
        dockerfileUri: uri,
        imageTag: 'lw:1',
        target: 'web',
        buildArgs: { GREETING: 'world' },
        startedAt: 0,
        finishedAt: 4000,
        exitCode: 0,
        canceled: false,
        parsed: parseText(fixture('classic-partly-cached.txt'), 0),
        outline: outlineDockerfile(text),
        layers: parseImageHistory(fixture('classic-history.jsonl')),
      },
      english,
    ),
  );
  forwarding.dispose();
  // The notification is processed before the next request on the same connection.
  assert.deepEqual(
    (await hintsOf(uri)).map((h) => h.label.replace(/^.* · (last build)/, '$1')),
    ['last build: cached', 'last build: cached', 'last build: ran 4 ms, 12 B'],
  );
});
