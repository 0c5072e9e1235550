// The in-process transport (test/helpers/lspClient.ts): servers made by createServer in one
// process keep apart (each its own documents, settings and checks), and a stopped server leaves
// nothing behind that would keep the process alive.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { LspClient } from '../helpers/lspClient';

test('two in-process servers hold their own documents and settings', async () => {
  const quiet = await LspClient.start({ transport: 'in-process', configuration: { diagnostics: { enable: false } } });
  const loud = await LspClient.start({ transport: 'in-process' });
  try {
    await quiet.waitForLog('settings applied');
    const uri = 'file:///two-servers/Dockerfile';
    const loudOpened = await loud.open(uri, 'FROM alpine:3.20\nFROMX a\n');
    const quietOpened = await quiet.open(uri, '# no instruction here\n');
    assert.deepEqual(
      loudOpened.diagnostics.map((d) => d.code),
      ['unknown-instruction'],
    );
    assert.deepEqual(quietOpened.diagnostics, []);
    // The first line is FROM only in the loud server's copy of the document.
    const position = { line: 0, character: 1 };
    assert.notEqual(await loud.request('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.equal(await quiet.request('textDocument/hover', { textDocument: { uri }, position }), null);
    await quiet.stop();
    const changed = await loud.change(uri, 2, [{ text: 'FROM alpine:3.20\nFROMY b\n' }]);
    assert.deepEqual(
      changed.diagnostics.map((d) => d.code),
      ['unknown-instruction'],
    );
  } finally {
    await quiet.stop();
    await loud.stop();
  }
});

test('a process that ran an in-process server exits by itself once the server is stopped', async () => {
  // A child process starts a server, has it check, format and list a context, stops it, and must
  // then end on its own: a leaked timer, walk or watchdog would keep it running.
  const lspClient = JSON.stringify(resolve(__dirname, '../helpers/lspClient.ts'));
  const script = `
    const { LspClient } = require(${lspClient});
    (async () => {
      const client = await LspClient.start({ transport: 'in-process' });
      const uri = 'file://' + process.cwd() + '/Dockerfile';
      await client.open(uri, 'FROM node:20\\nCOPY . .\\nRUN npm ci\\n');
      const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
      await client.request('textDocument/inlayHint', { textDocument: { uri }, range });
      const options = { tabSize: 2, insertSpaces: true };
      await client.request('textDocument/formatting', { textDocument: { uri }, options });
      await client.stop();
      console.log('stopped');
    })();
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: resolve(__dirname, '../../examples'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.once('exit', (exitCode, exitSignal) => done([exitCode, exitSignal])),
  );
  clearTimeout(timer);
  assert.deepEqual([code, signal, output.trim()], [0, null, 'stopped']);
});
