import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { buildModel } from '../../core/src/model';
import { parseDockerfile, parseText, reparseText } from '../../core/src/parser';
import { corpusFiles } from '../helpers/corpus';
import { LspClient } from '../helpers/lspClient';

// Fragments that stress the parser: escapes, quotes, heredocs, JSON, variables, odd line ends.
const fragments = [
  'FROM ',
  'RUN ',
  'COPY ',
  'ENV ',
  'ARG ',
  'ONBUILD ',
  'HEALTHCHECK ',
  'CMD ',
  'AS ',
  '\\',
  '`',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '$',
  '${',
  ':-',
  '<<',
  '<<-',
  'EOF',
  '--',
  '=',
  '#',
  '# escape=`\n',
  '# syntax=x\n',
  '\uFEFF',
  '😀',
  'a',
  '0',
  ',',
];
const dockerfileish = fc.array(fc.constantFrom(...fragments), { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(dockerfileish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

test('the parser and model never throw, on random and mutated input', () => {
  const corpus = corpusFiles().map((f) => f.text);
  const mutated = fc
    .tuple(fc.constantFrom(...corpus), fc.nat(), fc.nat(400), dockerfileish)
    .map(([text, at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    });
  fc.assert(
    fc.property(fc.oneof(anyText, mutated), (text) => {
      const tree = parseDockerfile(text);
      buildModel(tree);
      assert.ok(tree.lineCount >= 1);
      for (const instruction of tree.instructions) {
        assert.ok(instruction.range.start.line <= instruction.range.end.line);
      }
    }),
    { numRuns: 1500 },
  );
});

test('incremental reparse agrees with a full parse on random edits of random text', () => {
  fc.assert(
    fc.property(anyText, anyText, fc.nat(), fc.nat(20), (base, insert, at, cut) => {
      const i = at % (base.length + 1);
      const edited = base.slice(0, i) + insert + base.slice(i + cut);
      const incremental = reparseText(parseText(base), edited);
      const full = parseText(edited);
      assert.equal(JSON.stringify(incremental.tree), JSON.stringify(full.tree));
    }),
    { numRuns: 800 },
  );
});

// Over stdio against dist/server.js on purpose: garbage input must not end the server's process.
let client: LspClient;
before(async () => {
  client = await LspClient.start({ transport: 'stdio' });
});
after(async () => {
  await client.stop();
});

test('the server answers every request on garbage input and stays alive', async () => {
  const samples = fc.sample(anyText, { numRuns: 60, seed: 42 });
  let version = 1;
  const uri = 'file:///fuzz/Dockerfile';
  await client.open(uri, '');
  for (const text of samples) {
    version++;
    const published = await client.change(uri, version, [{ text }]);
    assert.ok(Array.isArray(published.diagnostics));
    // Random incremental edits at random positions, including past the end of the document.
    version++;
    await client.change(uri, version, [
      { range: { start: { line: 0, character: 1 }, end: { line: 3, character: 99 } }, text: text.slice(0, 10) },
    ]);
  }
  assert.equal(client.process.exitCode, null, 'server still running');
});
