// Braces in command-line globs: expanded (bounded) before the linear-time matching, in discovery
// and in the built binary.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { expandBraces, expansionBound, MAX_BRACE_GLOBS } from '../../cli/src/braceExpansion';
import { discoverFiles } from '../../cli/src/discovery';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

const CLEAN = 'FROM alpine:3.20\n';

test('braces expand to plain paths, folders and globs; each file once', () => {
  const root = makeFolder({
    'api/Dockerfile': CLEAN,
    'web/Dockerfile': CLEAN,
    'web/Dockerfile.dev': CLEAN,
    'worker/Dockerfile': CLEAN,
    'docs/x.dockerfile': CLEAN,
  });
  const paths = (inputs: string[]) =>
    discoverFiles(inputs, root).targets.map((target) =>
      target.kind === 'file' ? target.path.slice(root.length + 1) : '-',
    );
  assert.deepEqual(paths(['{api,web}/Dockerfile']), ['api/Dockerfile', 'web/Dockerfile']);
  assert.deepEqual(paths(['{api,worker}']), ['api/Dockerfile', 'worker/Dockerfile']);
  assert.deepEqual(paths(['w{eb,orker}/Dockerfile*', 'web/Dockerfile']), [
    'web/Dockerfile',
    'web/Dockerfile.dev',
    'worker/Dockerfile',
  ]);
  assert.deepEqual(paths(['**/*.{dockerfile,dev}']), ['docs/x.dockerfile', 'web/Dockerfile.dev']);
  const none = discoverFiles(['{nope,gone}/Dockerfile'], root);
  assert.deepEqual(none.targets, []);
  assert.match(none.errors[0]!.en, /no files match \{nope,gone\}\/Dockerfile/);
});

test('the built binary checks what a brace glob names', () => {
  const root = makeFolder({
    'a/Dockerfile': 'FROM alpine:3.20\nRUNX x\n',
    'b/Dockerfile': CLEAN,
    'c/Dockerfile': 'RUNX\n',
  });
  const run = runLayerwise(['check', '--format', 'json', '{a,b}/Dockerfile'], { cwd: root });
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(
    JSON.parse(run.stdout).files.map((file: { path: string }) => file.path),
    ['a/Dockerfile', 'b/Dockerfile'],
  );
});

test('expansion is bounded before it happens: {a,b} twenty times is refused at once, not a million globs', () => {
  const started = Date.now();
  const refused = expandBraces(`${'{a,b}'.repeat(20)}/Dockerfile`);
  assert.ok(!Array.isArray(refused));
  assert.match(refused.en, new RegExp(`more than ${MAX_BRACE_GLOBS} globs`));
  assert.ok(!Array.isArray(expandBraces('x/{1..100000}')));
  assert.ok(!Array.isArray(expandBraces(`${'{'.repeat(20_000)}a,b${'}'.repeat(20_000)}`)));
  assert.ok(!Array.isArray(expandBraces(`{${'a,'.repeat(5000)}b}`)));
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  // Within the bound: expanded as braces does it.
  assert.deepEqual(expandBraces('{a,b}{1..3}'), ['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
  assert.deepEqual(expandBraces('x/\\{a,b}'), ['x/{a,b}']);
});

test('the bound is never below the real number of globs', () => {
  const patterns = [
    '{a,b}',
    '{a,{b,c}}',
    '{a,b}{c,{d,e,f}}',
    '{{a,b},{c,d}}x{1..4}',
    '{a..e}',
    '{1..9..2}',
    'a{}b',
    '{a}',
  ];
  for (const pattern of patterns) {
    const globs = expandBraces(pattern);
    assert.ok(Array.isArray(globs), pattern);
    assert.ok(
      expansionBound(pattern) >= globs.length,
      `${pattern}: bound ${expansionBound(pattern)} < ${globs.length}`,
    );
  }
});

test('a brace glob of 16 times *a before X on a 40-character name: still linear, no match', () => {
  const root = makeFolder({ [join('sub', 'a'.repeat(40))]: '' });
  const started = Date.now();
  const found = discoverFiles([`{sub,other}/**/${'*a'.repeat(16)}{X,Y}`], root);
  assert.deepEqual(found.targets, []);
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
});
