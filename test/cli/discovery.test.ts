import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import { expandGlob, isGlob } from '../../cli/src/discovery';
import { isDockerfileName } from '../../cli/src/dockerfileNames';
import { makeFolder, removeFolders } from '../helpers/cli';

after(removeFolders);

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
  contributes: {
    languages: { id: string; filenames?: string[]; filenamePatterns?: string[]; extensions?: string[] }[];
  };
};

test('every file name the extension contributes for dockerfile is a Dockerfile name to the CLI', () => {
  const language = manifest.contributes.languages.find((l) => l.id === 'dockerfile')!;
  const samples = [
    ...(language.filenames ?? []),
    ...(language.filenamePatterns ?? []).map((pattern) => pattern.replace('*', 'web')),
    ...(language.extensions ?? []).map((extension) => `api${extension}`),
  ];
  assert.ok(samples.length >= 6);
  for (const name of samples) assert.ok(isDockerfileName(name), name);
});

test('Dockerfile names: near misses are not Dockerfiles', () => {
  for (const name of [
    'Dockerfile',
    'dockerfile',
    'Containerfile',
    'Dockerfile.dev',
    'prod.Dockerfile',
    'x.containerfile',
    'Containerfile.arm64',
  ]) {
    assert.ok(isDockerfileName(name), name);
  }
  for (const name of [
    'Dockerfile.dockerignore',
    '.dockerignore',
    'Dockerfiles',
    'my-Dockerfile',
    'dockerfile.md.bak.dockerignore',
    'Containerfile_old',
    'compose.yaml',
  ]) {
    assert.ok(!isDockerfileName(name), name);
  }
});

test('glob syntax: *, ?, [] and ** against files only, relative to the working folder', () => {
  const cwd = makeFolder({
    'a/x.df': '',
    'a/y.df': '',
    'a/b/z.df': '',
    'a/b/c/w.df': '',
    'a/1.txt': '',
    'a/2.txt': '',
  });
  const glob = (pattern: string): string[] => expandGlob(pattern, cwd).map((path) => path.slice(cwd.length + 1));
  assert.deepEqual(glob('a/*.df'), ['a/x.df', 'a/y.df']);
  assert.deepEqual(glob('a/**/*.df'), ['a/b/c/w.df', 'a/b/z.df', 'a/x.df', 'a/y.df']);
  assert.deepEqual(glob('./a/?.txt'), ['a/1.txt', 'a/2.txt']);
  assert.deepEqual(glob('a/[12].txt'), ['a/1.txt', 'a/2.txt']);
  assert.deepEqual(glob('*/b/*'), ['a/b/z.df']);
  assert.deepEqual(glob('a/*'), ['a/1.txt', 'a/2.txt', 'a/x.df', 'a/y.df'], 'folders are not matches');
  assert.deepEqual(glob('nothing/*'), []);
  assert.ok(isGlob('a/*') && isGlob('a?') && isGlob('[ab]') && !isGlob('a/b.df'));
});
