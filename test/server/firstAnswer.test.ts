// The first check after a document opens answers twice over LSP: a partial publish at once (the
// parser's problems and instruction rules' findings on instructions other than RUN), then the
// full diagnostics of the same version, which equal a full check by the engine. Edits publish once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { check, defaultSettings } from '../../core/src/engine';
import { initShellParser } from '../../core/src/shell';
import { LspClient, type PublishedDiagnostics } from '../helpers/lspClient';

const SEVERITY_WORDS = ['', 'error', 'warning', 'info', 'hint'];

/** What a diagnostic says, comparable with an engine finding. */
const shown = (published: PublishedDiagnostics): string[] =>
  published.diagnostics.map(
    (d) =>
      `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ` +
      `${SEVERITY_WORDS[d.severity ?? 1]} ${String(d.code)} ${d.message}`,
  );

/** The engine's full check of `text`, as `shown` prints diagnostics. */
const fullCheck = (text: string, uri: string): string[] =>
  check({ text, uri }, defaultSettings()).map(
    (f) =>
      `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ` +
      `${f.severity} ${f.code} ${f.message}`,
  );

// A parser problem, a build check made an error by `# check=error=true`, one skipped by a comment
// above it, a rule that reads RUN as shell and a stage rule.
const TEXT = [
  '# check=error=true',
  'FROM alpine',
  'MAINTAINER someone',
  '# check=skip=LegacyKeyValueFormat',
  'ENV A b',
  'ENV C d',
  'FOO bar',
  'RUN apt-get update && apt-get install curl',
  '',
].join('\n');

let client: LspClient;
/** Every publish for each URI, partial ones too, in order. */
const publishes = new Map<string, PublishedDiagnostics[]>();

before(async () => {
  // The engine's check here reads RUN as shell too, as the server's full check does.
  await initShellParser();
  client = await LspClient.start();
  client.publishListeners.push((published) => {
    const list = publishes.get(published.uri) ?? [];
    list.push(published);
    publishes.set(published.uri, list);
  });
});
after(() => client.stop());

test('opening a document publishes a partial first answer, then the full check of the same version', async () => {
  const uri = 'untitled:first-answer';
  const final = await client.open(uri, TEXT);
  const [first, last, ...more] = publishes.get(uri)!;
  assert.equal(more.length, 0);
  assert.equal(first!.partial, true);
  assert.equal(first!.version, 1);
  assert.equal(last!.partial, undefined);
  assert.equal(last!.version, 1);
  assert.equal(final, last);
  assert.deepEqual(shown(final), fullCheck(TEXT, uri));
  // The first answer is a subset of the final one, with the parser's problem and the instruction
  // rules' findings (severity and skip comments applied) but nothing that reads RUN as shell.
  const early = shown(first!);
  for (const line of early) assert.ok(shown(final).includes(line), line);
  const codes = first!.diagnostics.map((d) => d.code);
  assert.deepEqual(codes, ['unknown-instruction', 'MaintainerDeprecated', 'LegacyKeyValueFormat']);
  assert.equal(first!.diagnostics[1]!.severity, 1);
  assert.equal(first!.diagnostics[2]!.range.start.line, 5);
  const finalCodes = final.diagnostics.map((d) => d.code);
  assert.ok(finalCodes.includes('AptGetInstallWithoutYes'), finalCodes.join(', '));
  assert.ok(finalCodes.includes('BaseImageLatestTag'), finalCodes.join(', '));
});

test('an edit publishes the full check of its version once', async () => {
  const uri = 'untitled:edited';
  await client.open(uri, TEXT);
  const before = publishes.get(uri)!.length;
  const edited = TEXT.replace('FOO bar', 'USER app');
  const published = await client.change(uri, 2, [{ text: edited }]);
  const after = publishes.get(uri)!.slice(before);
  assert.deepEqual(
    after.map((p) => [p.version, p.partial]),
    [[2, undefined]],
  );
  assert.deepEqual(shown(published), fullCheck(edited, uri));
});

test('a reopened document gets a first answer again', async () => {
  const uri = 'untitled:reopened';
  await client.open(uri, TEXT);
  const cleared = client.waitForDiagnostics(uri);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.deepEqual((await cleared).diagnostics, []);
  const reopened = await client.open(uri, TEXT, 3);
  const versions = publishes.get(uri)!.map((p) => `${p.version ?? '-'}${p.partial ? ' partial' : ''}`);
  // Closing publishes an empty list without a version.
  assert.deepEqual(versions, ['1 partial', '1', '-', '3 partial', '3']);
  assert.deepEqual(shown(reopened), fullCheck(TEXT, uri));
});
