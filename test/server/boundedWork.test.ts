// Issue 14, "Never hang, never die", over real LSP: checks run for the newest text only (a burst
// of changes is checked once, a second change with the same version is not lost), requests honour
// cancellation, code actions and whole-file requests stay bounded on huge files, a FIFO never
// wedges the server, and .layerwise.json is read inside the workspace folders only. Answers and
// contents are asserted, never times.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { FILE_IMPACT, type FileImpactResult } from '../../protocol/src/protocol';
import { makeFolder } from '../helpers/cli';
import { type Diagnostic, LspClient, type PublishedDiagnostics } from '../helpers/lspClient';
import { useSharedLspClient } from '../helpers/sharedLspClient';

interface Hover {
  contents: { kind: string; value: string };
}
interface CodeAction {
  title: string;
  edit?: unknown;
}

const REQUEST_CANCELLED = -32800;
const lines = (count: number, line: (i: number) => string): string =>
  Array.from({ length: count }, (_, i) => line(i)).join('\n');
const summary = (published: PublishedDiagnostics): string[] =>
  published.diagnostics.map(
    (d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`,
  );

let client: LspClient;
useSharedLspClient((started) => (client = started), { transport: 'in-process' });

test('a second didChange with the same version is checked and answered from its own text', async () => {
  const uri = 'file:///bounded/same-version/Dockerfile';
  assert.deepEqual(summary(await client.open(uri, 'FROM alpine:3.20\n')), []);
  assert.deepEqual(summary(await client.change(uri, 2, [{ text: 'FROM alpine:3.20\nBOGUS1\n' }])), [
    'unknown-instruction@1:0-6',
  ]);
  // The same version again, another text (a client bug, or a resent change): it is not the first one.
  assert.deepEqual(summary(await client.change(uri, 2, [{ text: 'FROM alpine:3.20\nRUN true\nBOGUS22\n' }])), [
    'unknown-instruction@2:0-7',
  ]);
  const symbols = await client.request<{ children?: { name: string }[] }[]>('textDocument/documentSymbol', {
    textDocument: { uri },
  });
  assert.deepEqual(
    symbols[0]!.children!.map((s) => s.name),
    ['FROM', 'RUN', 'BOGUS22'],
  );
});

test('a burst of edits to a huge document: checked once, for its last version; hover answered meanwhile', async () => {
  const uri = 'file:///bounded/burst/Dockerfile';
  const text =
    `FROM alpine:3.20\nRUN <<EOF\n${lines(5_000, (i) => `echo line ${i}`)}\nEOF\n` +
    `${lines(3_000, (i) => `RUN echo ${i}`)}\nX\n`;
  const lastLine = text.split('\n').length - 2;
  const opened = client.waitForDiagnostics(uri, 1, 60_000);
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dockerfile', version: 1, text },
  });
  const unknown = (published: PublishedDiagnostics): string[] =>
    summary(published).filter((d) => d.startsWith('unknown-instruction'));
  assert.deepEqual(unknown(await opened), [`unknown-instruction@${lastLine}:0-1`]);
  const after = client.waitForDiagnostics(uri, 2, 60_000);
  // Ten keystrokes, one notification each, without waiting: "X" becomes "XABCDEFGHIJ".
  for (let version = 2; version <= 11; version++) {
    const character = version - 1;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: { start: { line: lastLine, character }, end: { line: lastLine, character } },
          text: 'ABCDEFGHIJ'[version - 2]!,
        },
      ],
    });
  }
  const hover = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 1 },
  });
  assert.match(hover?.contents.value ?? '', /FROM/);
  // The first diagnostics after the burst are those of the last version: no older one was checked to the end.
  const first = await after;
  assert.equal(first.version, 11);
  assert.deepEqual(unknown(first), [`unknown-instruction@${lastLine}:0-11`]);
});

test('a request cancelled before it is handled answers RequestCancelled', async () => {
  const uri = 'file:///bounded/cancel/Dockerfile';
  // The first request on a new, large document parses it: the server is busy while the next two arrive.
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: {
      uri,
      languageId: 'dockerfile',
      version: 1,
      text: `FROM alpine:3.20\n${lines(60_000, (i) => `RUN echo ${i}`)}\n`,
    },
  });
  const busy = client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const source = new CancellationTokenSource();
  const tokens = client.connection.sendRequest(
    'textDocument/semanticTokens/full',
    { textDocument: { uri } },
    source.token,
  );
  source.cancel();
  await assert.rejects(tokens, (error: { code?: number }) => error.code === REQUEST_CANCELLED);
  assert.ok((await busy).length > 0);
  // Still answering.
  assert.match(
    (
      await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 1 },
      })
    )?.contents.value ?? '',
    /FROM/,
  );
});

test('a code action waiting for the check of a huge document can be cancelled', async () => {
  const uri = 'file:///bounded/cancel-waiting/Dockerfile';
  const text = `FROM alpine:3.20\n${lines(20_000, (i) => `EXPOSE ${8000 + (i % 1000)}/TCP`)}\n`;
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dockerfile', version: 1, text },
  });
  const diagnostic: Diagnostic & { data: unknown } = {
    range: { start: { line: 1, character: 7 }, end: { line: 1, character: 15 } },
    code: 'ExposeProtoCasing',
    message: 'x',
    data: { fixable: true, ignorable: true },
  };
  const source = new CancellationTokenSource();
  const actions = client.connection.sendRequest(
    'textDocument/codeAction',
    { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } },
    source.token,
  );
  source.cancel();
  await assert.rejects(actions, (error: { code?: number }) => error.code === REQUEST_CANCELLED);
});

test('a code action over a select-all of thousands of findings is bounded and has no duplicates', async () => {
  const uri = 'file:///bounded/select-all/Dockerfile';
  const count = 3_000;
  const text = `FROM alpine:3.20\n${lines(count, (i) => `EXPOSE ${8000 + i}/TCP ${9000 + i}/UDP`)}\n`;
  const published = await client.open(uri, text);
  assert.equal(published.diagnostics.filter((d) => d.code === 'ExposeProtoCasing').length, 2 * count);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: count + 1, character: 0 } },
    context: { diagnostics: published.diagnostics },
  });
  const codes = new Set(published.diagnostics.map((d) => d.code));
  assert.ok(actions.length <= 100 + codes.size, `${actions.length} actions`);
  assert.ok(actions.length >= 50, `${actions.length} actions`);
  assert.deepEqual(
    actions.filter((a) => a.title.endsWith(' in this file')).map((a) => a.title),
    ['Ignore ExposeProtoCasing in this file'],
  );
  const edits = actions.map((a) => JSON.stringify(a.edit));
  assert.equal(new Set(edits).size, edits.length, 'every action is a different edit');
});

test('"ignore on this line" is offered once per instruction, "in this file" once per rule', async () => {
  const uri = 'file:///bounded/ignore-once/Dockerfile';
  const published = await client.open(uri, 'FROM alpine:3.20\nEXPOSE 80/TCP 81/TCP \\\n  82/TCP\nWORKDIR app\n');
  const ignores = published.diagnostics.map((d) => ({ ...d, data: { ignorable: true } }));
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } },
    context: { diagnostics: ignores },
  });
  assert.deepEqual(
    actions.map((a) => a.title),
    [
      'Ignore ExposeProtoCasing on this line',
      'Ignore ExposeProtoCasing in this file',
      'Ignore WorkdirRelativePath on this line',
      'Ignore WorkdirRelativePath in this file',
    ],
  );
});

test('whole-file requests on a huge file stay within the budget and say so once', async () => {
  const uri = 'file:///bounded/budget/Dockerfile';
  const count = 25_000;
  const text = `FROM alpine:3.20 AS base\n${lines(count, (i) => (i % 10 ? `RUN echo ${i}` : `FROM base AS s${i}`))}\n`;
  // No need to wait for its diagnostics: requests are answered while the check runs.
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dockerfile', version: 1, text },
  });
  const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', {
    textDocument: { uri },
  });
  let line = 0;
  for (let i = 0; i < data.length; i += 5) line += data[i]!;
  assert.ok(line > 10_000 && line < 20_000, `last token on line ${line}`);
  const again = await client.request<{ data: number[] }>('textDocument/semanticTokens/range', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: count, character: 0 } },
  });
  assert.equal(again.data.length, data.length);
  const symbols = await client.request<{ children?: unknown[] }[]>('textDocument/documentSymbol', {
    textDocument: { uri },
  });
  assert.ok(symbols.reduce((n, s) => n + 1 + (s.children?.length ?? 0), 0) <= 5_000);
  const folding = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.ok(folding.length <= 5_000);
  const notices = client.logs.filter((l) => l.includes(uri) && l.includes('budget'));
  assert.equal(notices.filter((l) => l.includes('semantic tokens')).length, 1, notices.join('\n'));
  assert.equal(notices.filter((l) => l.includes('document symbols')).length, 1, notices.join('\n'));
});

test('file impact on a FIFO or a huge file answers "unreadable" and the server keeps answering', {
  skip: process.platform === 'win32',
}, async () => {
  const root = makeFolder({ 'app.txt': 'x\n', 'real/Dockerfile': 'FROM alpine:3.20\nCOPY app.txt /\n' });
  const fifo = join(root, 'Dockerfile');
  execFileSync('mkfifo', [fifo]);
  const huge = join(root, 'huge.Dockerfile');
  writeFileSync(huge, '');
  truncateSync(huge, 64 * 1024 * 1024);
  const ask = client.request<FileImpactResult>(FILE_IMPACT.method, {
    fileUri: pathToFileURL(join(root, 'app.txt')).href,
    dockerfileUris: [pathToFileURL(fifo).href, pathToFileURL(huge).href],
  });
  const result = await Promise.race([
    ask,
    new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 20_000)),
  ]);
  assert.notEqual(result, 'no answer');
  assert.deepEqual(
    (result as FileImpactResult).dockerfiles.map((d) => d.reason),
    ['unreadable', 'unreadable'],
  );
  const uri = 'file:///bounded/after-fifo/Dockerfile';
  await client.open(uri, 'FROM alpine:3.20\n');
  assert.match(
    (
      await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 1 },
      })
    )?.contents.value ?? '',
    /FROM/,
  );
});

test('.layerwise.json is read inside the workspace folders only', async () => {
  const BROKEN = 'FROM alpine:3.20\nRUNX echo hi\n';
  const codes = (published: PublishedDiagnostics): unknown[] => published.diagnostics.map((d) => d.code);
  const parent = makeFolder({
    '.layerwise.json': '{"diagnostics": {"enable": false}}',
    'ws/inner/.layerwise.json': '{"diagnostics": {"enable": false}}',
  });
  const elsewhere = makeFolder({ '.layerwise.json': '{"diagnostics": {"enable": false}}' });
  const local = await LspClient.start({ transport: 'in-process', workspaceFolders: [join(parent, 'ws')] });
  try {
    const open = (path: string): Promise<PublishedDiagnostics> => local.open(pathToFileURL(path).href, BROKEN);
    assert.deepEqual(
      codes(await open(join(parent, 'ws/Dockerfile'))),
      ['unknown-instruction'],
      'the parent folder of the workspace folder is not the project',
    );
    assert.deepEqual(
      codes(await open(join(parent, 'ws/inner/Dockerfile'))),
      [],
      'inside the workspace folder it applies',
    );
    assert.deepEqual(
      codes(await open(join(elsewhere, 'Dockerfile'))),
      ['unknown-instruction'],
      'outside every workspace folder none applies',
    );
  } finally {
    await local.stop();
  }
  // Without workspace folders (a lone file open) no .layerwise.json is read at all.
  const lone = await LspClient.start({ transport: 'in-process' });
  try {
    assert.deepEqual(codes(await lone.open(pathToFileURL(join(elsewhere, 'Dockerfile')).href, BROKEN)), [
      'unknown-instruction',
    ]);
  } finally {
    await lone.stop();
  }
});
