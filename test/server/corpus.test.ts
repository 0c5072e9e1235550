import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { parseDockerfile } from '../../core/src/parser';
import { corpusFiles } from '../helpers/corpus';
import { LspClient } from '../helpers/lspClient';

const files = corpusFiles();
let client: LspClient;
before(async () => {
  client = await LspClient.start({ transport: 'in-process' });
});
after(async () => {
  await client.stop();
});

test('the corpus holds the 218 official Dockerfiles', () => {
  assert.equal(files.length, 218);
});

test('every corpus file parses with at least one FROM and no syntax problem', () => {
  for (const file of files) {
    const tree = parseDockerfile(file.text);
    assert.ok(
      tree.instructions.some((i) => i.keyword === 'FROM'),
      file.name,
    );
    const problems = [...tree.problems, ...tree.instructions.flatMap((i) => i.problems)];
    assert.deepEqual(
      problems.map((p) => p.message),
      [],
      file.name,
    );
  }
});

test('no corpus file gets an error-severity diagnostic from the server', async () => {
  for (const file of files) {
    const published = await client.open(pathToFileURL(file.path).href, file.text);
    const errors = published.diagnostics.filter((d) => d.severity === 1);
    assert.deepEqual(
      errors.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`),
      [],
      file.name,
    );
  }
});
