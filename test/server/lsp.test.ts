import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LspClient } from '../helpers/lspClient';

// Over stdio against dist/server.js on purpose: startup, initialize and exit of the real bundle.
let client: LspClient;
before(async () => {
  client = await LspClient.start({ transport: 'stdio' });
});
after(async () => {
  await client.stop();
});

test('initialize announces incremental sync and names the server', () => {
  const result = client.initializeResult as {
    capabilities: { textDocumentSync: { change: number; openClose: boolean } };
    serverInfo: { name: string };
  };
  assert.equal(result.capabilities.textDocumentSync.change, 2);
  assert.equal(result.capabilities.textDocumentSync.openClose, true);
  assert.equal(result.serverInfo.name, 'layerwise');
});

test('didOpen publishes syntax diagnostics with stable codes and exact ranges', async () => {
  const text = 'FROM alpine:3.20\nRUN <<EOF\necho hi\nFROMX a\n';
  const published = await client.open('file:///t/open.Dockerfile', text);
  const codes = published.diagnostics.map(
    (d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
  );
  assert.deepEqual(codes, ['unterminated-heredoc@1:4-1:9']);
  assert.equal(published.diagnostics[0]!.source, 'layerwise');
  assert.equal(published.diagnostics[0]!.severity, 1);
});

test('incremental didChange re-publishes diagnostics for the new version', async () => {
  const uri = 'file:///t/change.Dockerfile';
  let published = await client.open(uri, 'FROM alpine:3.20\nRUN echo ok\n');
  assert.deepEqual(published.diagnostics, []);
  // Type an unknown instruction on line 1: "RUN" -> "RUNX"
  published = await client.change(uri, 2, [
    { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: 'X' },
  ]);
  assert.equal(published.version, 2);
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
    [['unknown-instruction', 1, 0, 4]],
  );
  // Delete it again
  published = await client.change(uri, 3, [
    { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, text: '' },
  ]);
  assert.deepEqual(published.diagnostics, []);
  // Insert lines above: diagnostics move with the text
  published = await client.change(uri, 4, [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'ENV\n\n' },
  ]);
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.range.start.line]),
    [['missing-arguments', 1]],
  );
});

test('several changes in one notification are applied in order', async () => {
  const uri = 'file:///t/multi.Dockerfile';
  await client.open(uri, 'FROM a:1\n');
  const published = await client.change(uri, 2, [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'COPY x\n' },
    { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 6 } }, text: ' /y' },
  ]);
  assert.deepEqual(published.diagnostics, []);
});

test('closing a document clears its diagnostics', async () => {
  const uri = 'file:///t/close.Dockerfile';
  await client.open(uri, 'BOGUS\n');
  const cleared = client.waitForDiagnostics(uri);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.deepEqual((await cleared).diagnostics, []);
});

test('diagnostics can be turned off by setting and come back', async () => {
  const uri = 'file:///t/settings.Dockerfile';
  assert.equal((await client.open(uri, 'BOGUS\n')).diagnostics.length, 1);
  let next = client.waitForDiagnostics(uri);
  await client.connection.sendNotification('workspace/didChangeConfiguration', {
    settings: { layerwise: { diagnostics: { enable: false } } },
  });
  assert.deepEqual((await next).diagnostics, []);
  next = client.waitForDiagnostics(uri);
  await client.connection.sendNotification('workspace/didChangeConfiguration', {
    settings: { layerwise: { diagnostics: { enable: 'nonsense' } } },
  });
  assert.equal((await next).diagnostics.length, 1);
});

test('node dist/server.js --stdio answers shutdown and exits', async () => {
  const probe = await LspClient.start();
  const exited = new Promise<number | null>((resolve) => probe.process.on('exit', (code) => resolve(code)));
  await probe.stop();
  assert.equal(typeof (await exited), 'number');
});

test('parser messages follow the language: Korean with a Korean editor or layerwise.docs.language ko', async () => {
  const text = 'FROM alpine:3.20\nFROMX a\nRUN <<EOF\necho hi\n';
  const english = await client.open('file:///t/parser-en.Dockerfile', text);
  assert.deepEqual(
    english.diagnostics.map((d) => d.message),
    ['Unknown instruction: FROMX.', 'The heredoc EOF is never closed: add a line containing only EOF.'],
  );
  for (const options of [
    { initializationOptions: { locale: 'ko-KR' } },
    { initializationOptions: { locale: 'en-US' }, configuration: { docs: { language: 'ko' } } },
  ]) {
    const korean = await LspClient.start(options);
    try {
      if (options.configuration) await korean.waitForLog('language ko');
      const published = await korean.open('file:///t/parser-ko.Dockerfile', text);
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.message]),
        [
          ['unknown-instruction', '알 수 없는 명령어입니다: FROMX.'],
          ['unterminated-heredoc', 'heredoc이 닫히지 않았습니다. EOF만 있는 줄을 추가해 닫으세요.'],
        ],
      );
    } finally {
      await korean.stop();
    }
  }
});
