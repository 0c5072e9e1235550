// `layerwise format` takes its indent from .editorconfig when --indent is not given.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  editorConfigIndent,
  MAX_EDITORCONFIG_BYTES,
  parseEditorConfig,
  sectionMatches,
} from '../../cli/src/editorConfig';
import { indentOf } from '../../cli/src/formatCommand';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

describe('.editorconfig sections', () => {
  const cases: [glob: string, path: string, matches: boolean][] = [
    ['*', 'Dockerfile', true],
    ['*', 'app/web.dockerfile', true],
    ['Dockerfile', 'Dockerfile', true],
    ['Dockerfile', 'services/api/Dockerfile', true],
    ['Dockerfile', 'Dockerfile.dev', false],
    ['*.dockerfile', 'app/web.dockerfile', true],
    ['*.dockerfile', 'Dockerfile', false],
    ['{Dockerfile,*.dockerfile}', 'web.dockerfile', true],
    ['{Dockerfile,*.dockerfile}', 'Dockerfile', true],
    ['{Dockerfile,*.dockerfile}', 'Makefile', false],
    ['[Dd]ockerfile*', 'dockerfile.prod', true],
    ['app/Dockerfile', 'app/Dockerfile', true],
    ['/app/Dockerfile', 'app/Dockerfile', true],
    ['app/Dockerfile', 'other/app/Dockerfile', false],
    ['**/docker/*', 'a/b/docker/Dockerfile', true],
  ];
  for (const [glob, path, matches] of cases) {
    test(`[${glob}] ${matches ? 'matches' : 'does not match'} ${path}`, () =>
      assert.equal(sectionMatches(glob, path), matches));
  }

  test('hostile globs stay linear and bounded', () => {
    const start = performance.now();
    assert.equal(sectionMatches(`${'*a'.repeat(40)}X`, 'a'.repeat(5000)), false);
    // Too many alternatives: the section is ignored rather than expanded.
    assert.equal(sectionMatches('{a,b}'.repeat(20), 'a'.repeat(20)), false);
    assert.ok(performance.now() - start < 2000);
  });
});

describe('.editorconfig indentation', () => {
  test('parsing: root, sections, case-insensitive values, comments', () => {
    const parsed = parseEditorConfig(
      'root = TRUE\n# comment\n[*]\nindent_style = Space ; old-style comment\n[Dockerfile]\r\nindent_size=2\r\n',
    );
    assert.equal(parsed.root, true);
    assert.deepEqual(
      parsed.sections.map((s) => [s.glob, Object.fromEntries(s.properties)]),
      [
        ['*', { indent_style: 'space' }],
        ['Dockerfile', { indent_size: '2' }],
      ],
    );
  });

  const files =
    (map: Record<string, string>) =>
    (path: string): string | undefined =>
      map[path.split('\\').join('/')];
  const root = join('/', 'repo').split('\\').join('/');

  test('the closer file and the later section win; root stops the search', () => {
    const read = files({
      '/.editorconfig': '[*]\nindent_style = tab\n',
      [`${root}/.editorconfig`]:
        'root = true\n[*]\nindent_style = space\nindent_size = 4\n' +
        '[Dockerfile]\nindent_size = 2\n[*.dockerfile]\nindent_style = tab\n',
      [`${root}/legacy/.editorconfig`]: '[Dockerfile]\nindent_size = 8\n',
    });
    assert.deepEqual(editorConfigIndent('/repo/Dockerfile', read), { useTabs: false, size: 2 });
    assert.deepEqual(editorConfigIndent('/repo/web.dockerfile', read), { useTabs: true, size: 4 });
    assert.deepEqual(editorConfigIndent('/repo/legacy/Dockerfile', read), { useTabs: false, size: 8 });
    assert.deepEqual(editorConfigIndent('/elsewhere/Dockerfile', read), { useTabs: true });
  });

  test('indent_size = tab takes tab_width; nothing said gives nothing', () => {
    assert.deepEqual(
      editorConfigIndent(
        '/r/Dockerfile',
        files({ '/r/.editorconfig': 'root=true\n[*]\nindent_style=tab\nindent_size=tab\ntab_width=3\n' }),
      ),
      { useTabs: true, size: 3 },
    );
    assert.deepEqual(
      editorConfigIndent('/r/Dockerfile', files({ '/r/.editorconfig': 'root=true\n[*.py]\nindent_size=2\n' })),
      {},
    );
  });

  test('--indent wins over .editorconfig; without either the indent is 4 spaces', () => {
    const read = files({ '/r/.editorconfig': 'root=true\n[*]\nindent_style=tab\n' });
    assert.deepEqual(indentOf(2, '/r/Dockerfile', read), { continuationIndent: 2, tabSize: 2, useTabs: false });
    assert.deepEqual(indentOf(undefined, '/r/Dockerfile', read), { continuationIndent: 4, tabSize: 4, useTabs: true });
    assert.deepEqual(indentOf(undefined, undefined, read), { continuationIndent: 4, tabSize: 4, useTabs: false });
  });
});

describe('layerwise format with .editorconfig', () => {
  const MESSY = 'from alpine\nrun apk add curl &&\\\n  echo done\n';
  test('each file takes its own section; --indent overrides; an oversized .editorconfig is ignored', () => {
    const cwd = makeFolder({
      '.editorconfig': 'root = true\n[*]\nindent_size = 2\n[*.dockerfile]\nindent_style = tab\n',
      Dockerfile: MESSY,
      'web.dockerfile': MESSY,
      'big/.editorconfig': `root = true\n[*]\nindent_size = 8\n${'#'.repeat(MAX_EDITORCONFIG_BYTES)}\n`,
      'big/Dockerfile': MESSY,
    });
    assert.equal(
      runLayerwise(['format', 'Dockerfile'], { cwd }).stdout,
      'FROM alpine\nRUN apk add curl \\\n  && echo done\n',
    );
    assert.equal(
      runLayerwise(['format', 'web.dockerfile'], { cwd }).stdout,
      'FROM alpine\nRUN apk add curl \\\n\t&& echo done\n',
    );
    assert.equal(
      runLayerwise(['format', '--indent', '4', 'web.dockerfile'], { cwd }).stdout,
      'FROM alpine\nRUN apk add curl \\\n    && echo done\n',
    );
    assert.equal(
      runLayerwise(['format', 'big/Dockerfile'], { cwd }).stdout,
      'FROM alpine\nRUN apk add curl \\\n  && echo done\n',
    );
    assert.equal(
      runLayerwise(['format', '-', '--stdin-filename', 'web.dockerfile'], { cwd, stdin: MESSY }).stdout,
      'FROM alpine\nRUN apk add curl \\\n\t&& echo done\n',
    );
  });
});
