import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BuildContext } from '../../core/src/context/buildContext';
import { DockerIgnore } from '../../core/src/context/dockerignore';

const cases: [patterns: string, path: string, ignored: boolean][] = [
  ['node_modules', 'node_modules', true],
  ['node_modules', 'node_modules/x/y.js', true],
  ['node_modules', 'src/node_modules', false],
  ['**/node_modules', 'src/node_modules/a', true],
  ['*.md\n!README.md', 'README.md', false],
  ['*.md\n!README.md', 'CHANGES.md', true],
  ['*.md', 'docs/a.md', false],
  ['**/*.md', 'docs/a.md', true],
  ['/build', 'build/out.o', true],
  ['./build/', 'build', true],
  ['temp?', 'temp1', true],
  ['temp?', 'temp12', false],
  ['[a-c].txt', 'b.txt', true],
  ['[^a-c].txt', 'b.txt', false],
  ['# comment\n.git', '.git/HEAD', true],
  ['  .env  ', '.env', true],
  ['*\n!src\n!src/**', 'src/index.ts', false],
  ['*\n!src', 'package.json', true],
  ['src/**/test', 'src/a/b/test/x', true],
  ['src/**/test', 'src/test', true],
  ['**', 'anything/at/all', true],
  ['a/../b', 'b', true],
];

test('dockerignore matches like the builder', () => {
  for (const [patterns, path, ignored] of cases) {
    assert.equal(DockerIgnore.parse(patterns).isIgnored(path), ignored, `${JSON.stringify(patterns)} vs ${path}`);
  }
});

test('patterns keep their source line', () => {
  assert.deepEqual(
    DockerIgnore.parse('# c\n\n.git\n!keep').patterns.map((p) => [p.text, p.exclusion, p.line]),
    [
      ['.git', false, 2],
      ['keep', true, 3],
    ],
  );
});

test('a build context lists files minus ignored ones, and prefers <Dockerfile>.dockerignore', async () => {
  const root = mkdtempSync(join(tmpdir(), 'layerwise-ctx-'));
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'node_modules/x'), { recursive: true });
  writeFileSync(join(root, 'src/index.js'), '');
  writeFileSync(join(root, 'node_modules/x/i.js'), '');
  writeFileSync(join(root, 'Dockerfile'), 'FROM a');
  writeFileSync(join(root, '.dockerignore'), 'node_modules\n');
  let context = BuildContext.forDockerfile(join(root, 'Dockerfile'));
  assert.equal(context.listing, undefined, 'listed only when asked');
  assert.deepEqual([...(await context.listed()).listing!.files].sort(), [
    '.dockerignore',
    'Dockerfile',
    'src/index.js',
  ]);
  writeFileSync(join(root, 'Dockerfile.dockerignore'), 'src\n');
  context = BuildContext.forDockerfile(join(root, 'Dockerfile'));
  assert.equal(context.dockerignorePath, join(root, 'Dockerfile.dockerignore'));
  assert.equal(context.isIgnored('src/index.js'), true);
  assert.equal(context.isIgnored('node_modules/x/i.js'), false);
});
