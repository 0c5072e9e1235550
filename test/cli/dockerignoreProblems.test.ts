// A .dockerignore that makes docker build fail, found by the built CLI (the same rule as the
// editor's) and over LSP: one error per bad line on the Dockerfile's FROM, naming the line.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';
import { LspClient } from '../helpers/lspClient';

after(removeFolders);

const DOCKERFILE = 'FROM alpine:3.20\nCOPY . /app\n';
const BAD_IGNORE = 'node_modules\n[z-a]\n!\n*.log\n';

test('the CLI reports each line docker build fails on as an error, and exits 1', () => {
  const cwd = makeFolder({ 'app/Dockerfile': DOCKERFILE, 'app/.dockerignore': BAD_IGNORE, 'app/src/x.txt': '' });
  const run = runLayerwise(['check', 'app'], { cwd });
  assert.equal(run.status, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.deepEqual(
    lines.map((line) => line.split(' ').slice(0, 3).join(' ')),
    ['app/Dockerfile:1:1 error invalid-dockerignore', 'app/Dockerfile:1:1 error invalid-dockerignore'],
  );
  assert.match(
    lines[0]!,
    /\.dockerignore line 2: BuildKit turns `\[z-a\]` into the Go regular expression `\^\[z-a\]\$`, which Go rejects/,
  );
  assert.match(lines[1]!, /\.dockerignore line 3: `!` with no pattern after it/);

  const json = JSON.parse(runLayerwise(['check', 'app', '--format', 'json', '--lang', 'ko'], { cwd }).stdout) as {
    files: { findings: { code: string; severity: string; message: string }[] }[];
  };
  assert.deepEqual(
    json.files[0]!.findings.map((f) => [f.code, f.severity, f.message.slice(0, f.message.indexOf(':'))]),
    [
      ['invalid-dockerignore', 'error', '.dockerignore 2번째 줄'],
      ['invalid-dockerignore', 'error', '.dockerignore 3번째 줄'],
    ],
  );
  // Off like any rule; a valid file is quiet.
  assert.equal(runLayerwise(['check', 'app', '--rule', 'invalid-dockerignore=off'], { cwd }).status, 0);
  assert.equal(
    runLayerwise(['check', '.'], {
      cwd: makeFolder({ Dockerfile: DOCKERFILE, '.dockerignore': 'node_modules\n!keep\n' }),
    }).status,
    0,
  );
});

test('over LSP: an error on FROM with the .dockerignore line as related information', async () => {
  const root = makeFolder({ Dockerfile: DOCKERFILE, '.dockerignore': BAD_IGNORE });
  const client = await LspClient.start();
  try {
    const published = await client.open(pathToFileURL(join(root, 'Dockerfile')).href, DOCKERFILE);
    type Related = {
      location: { uri: string; range: { start: { line: number }; end: { character: number } } };
      message: string;
    };
    const found = published.diagnostics
      .filter((d) => d.code === 'invalid-dockerignore')
      .map((d) => {
        const related = (d as { relatedInformation?: Related[] }).relatedInformation ?? [];
        return [
          d.severity,
          d.range.start.line,
          d.range.end.character,
          ...related.map(
            (r) => `${r.location.uri}#${r.location.range.start.line}-${r.location.range.end.character} ${r.message}`,
          ),
        ];
      });
    const ignoreUri = pathToFileURL(join(root, '.dockerignore')).href;
    assert.deepEqual(found, [
      [1, 0, 4, `${ignoreUri}#1-5 line 2 of .dockerignore`],
      [1, 0, 4, `${ignoreUri}#2-1 line 3 of .dockerignore`],
    ]);
  } finally {
    await client.stop();
  }
});
