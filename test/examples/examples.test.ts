// The bundled examples show what they promise: the clean ones have no errors, broken.Dockerfile
// has exactly the mistakes its comments describe, one per line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';

const EXAMPLES = resolve(__dirname, '../../examples');
const ERROR = 1;

describe('examples/', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client.stop());

  const diagnosticsOf = async (file: string) =>
    (await client.open(pathToFileURL(join(EXAMPLES, file)).href, readFileSync(join(EXAMPLES, file), 'utf8')))
      .diagnostics;

  for (const file of ['Dockerfile', 'node-app/Dockerfile']) {
    it(`${file} has no errors`, async () => {
      const errors = (await diagnosticsOf(file)).filter((d) => d.severity === ERROR);
      assert.deepEqual(errors, []);
    });
  }

  it('broken.Dockerfile has one error on each line with a mistake', async () => {
    const found = (await diagnosticsOf('broken.Dockerfile'))
      .filter((d) => d.severity === ERROR)
      .map((d) => [d.range.start.line + 1, d.code]);
    assert.deepEqual(found, [
      [5, 'unknown-instruction'],
      [6, 'missing-arguments'],
      [7, 'invalid-env'],
      [8, 'missing-arguments'],
      [9, 'invalid-json'],
      [10, 'bad-substitution'],
      [11, 'unterminated-heredoc'],
    ]);
  });
});
