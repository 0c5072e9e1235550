// The built `layerwise format`: printing, --check, --write, --diff, standard input and usage errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { unifiedDiff } from '../../cli/src/formatCommand';
import { parseArguments } from '../../cli/src/arguments';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

const MESSY = 'from   alpine   as   base\nrun apk add  curl &&\\\n  echo done\n';
const TIDY = 'FROM alpine AS base\nRUN apk add curl \\\n    && echo done\n';

test('without a mode the formatted text is printed and nothing is written', () => {
  const cwd = makeFolder({ Dockerfile: MESSY });
  const run = runLayerwise(['format'], { cwd });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, TIDY);
  assert.equal(readFileSync(join(cwd, 'Dockerfile'), 'utf8'), MESSY);
});

test('--check lists the files that would change and exits 1; a tidy tree exits 0', () => {
  const cwd = makeFolder({ Dockerfile: MESSY, 'app/Dockerfile': TIDY, 'web.dockerfile': MESSY });
  const run = runLayerwise(['format', '--check'], { cwd });
  assert.equal(run.status, 1);
  assert.deepEqual(run.stdout.trim().split('\n').sort(), ['Dockerfile', 'web.dockerfile']);
  assert.equal(runLayerwise(['format', '--check', 'app'], { cwd }).status, 0);
});

test('--write rewrites the files that change, and a second --check is clean', () => {
  const cwd = makeFolder({ Dockerfile: MESSY });
  assert.equal(runLayerwise(['format', '--write', '.'], { cwd }).status, 0);
  assert.equal(readFileSync(join(cwd, 'Dockerfile'), 'utf8'), TIDY);
  assert.equal(runLayerwise(['format', '--check'], { cwd }).status, 0);
});

test('--diff prints a unified diff and exits 1; standard input works too', () => {
  const cwd = makeFolder({ Dockerfile: MESSY });
  const run = runLayerwise(['format', '--diff', 'Dockerfile'], { cwd });
  assert.equal(run.status, 1);
  assert.match(run.stdout, /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ -1,4 \+1,4 @@\n-from {3}alpine/);
  const piped = runLayerwise(['format', '-'], { cwd, stdin: MESSY });
  assert.equal(piped.stdout, TIDY);
});

test('--indent and usage errors', () => {
  const cwd = makeFolder({ Dockerfile: MESSY });
  assert.equal(
    runLayerwise(['format', '--indent', '2'], { cwd }).stdout,
    'FROM alpine AS base\nRUN apk add curl \\\n  && echo done\n',
  );
  assert.equal(runLayerwise(['format', '--check', '--write'], { cwd }).status, 2);
  assert.equal(runLayerwise(['format', '--indent', 'x'], { cwd }).status, 2);
  assert.equal(parseArguments(['format', '--diff', 'a']).kind, 'format');
});

test('unified diff: changes between context lines', () => {
  assert.equal(unifiedDiff('f', 'a\nb\nc\n', 'a\nB\nc\n'), '--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n \n');
});
