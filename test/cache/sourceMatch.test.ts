// Which build-context files a COPY/ADD source takes, as BuildKit resolves it (fsutil's
// ResolveWildcards: a literal folder, then filepath.Match on each path below it; a matching
// folder is taken whole).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyseLayers, sourceTakes } from '../../core/src/cache';
import { cleanSourcePath } from '../../core/src/cache/sourceMatch';
import { buildModel } from '../../core/src/model';
import { parseText } from '../../core/src/parser';

const FILES = [
  '.env',
  'a.go',
  'a.json',
  'arr[0].txt',
  'a*b',
  'a\\*b',
  'conf.d/site.conf',
  'lib/x.json/inner.txt',
  'src/.hidden.go',
  'src/main.go',
  'src/sub/util.go',
  'src/sub/deeper/more.go',
  'srcx/main.go',
  'x/b.json',
  'x/y/c.json',
];

const taken = (source: string): string[] => FILES.filter((file) => sourceTakes(source, file));

describe('sourceTakes', () => {
  test('a literal source takes the path and everything below it', () => {
    assert.deepEqual(taken(''), FILES);
    assert.deepEqual(taken('src'), ['src/.hidden.go', 'src/main.go', 'src/sub/util.go', 'src/sub/deeper/more.go']);
    assert.deepEqual(taken('src/main.go'), ['src/main.go']);
    assert.deepEqual(taken('sr'), []);
  });

  test('wildcards stay in their segment; hidden files are ordinary names', () => {
    assert.deepEqual(taken('src/*.go'), ['src/.hidden.go', 'src/main.go']);
    assert.deepEqual(taken('*.go'), ['a.go']);
    assert.deepEqual(taken('src/*/*.go'), ['src/sub/util.go']);
    assert.deepEqual(taken('s?c/main.go'), ['src/main.go']);
    assert.deepEqual(taken('.*'), ['.env']);
  });

  test('a matching folder is taken with everything below it', () => {
    assert.deepEqual(taken('*.d'), ['conf.d/site.conf']);
    assert.deepEqual(taken('src/s*'), ['src/sub/util.go', 'src/sub/deeper/more.go']);
    assert.deepEqual(taken('src*'), [
      'src/.hidden.go',
      'src/main.go',
      'src/sub/util.go',
      'src/sub/deeper/more.go',
      'srcx/main.go',
    ]);
    assert.deepEqual(taken('*').length, FILES.length);
  });

  test('** is no more than *: one segment, not any depth', () => {
    assert.deepEqual(taken('**/*.json'), ['lib/x.json/inner.txt', 'x/b.json']);
    assert.deepEqual(taken('src/**/*.go'), ['src/sub/util.go']);
    assert.deepEqual(taken('**'), taken('*'));
  });

  test("Go's classes and escapes", () => {
    assert.deepEqual(taken('arr[[]0].txt'), ['arr[0].txt']);
    assert.deepEqual(taken('[ab].go'), ['a.go']);
    assert.deepEqual(taken('[^a].go'), []);
    assert.deepEqual(taken('[!a].go'), ['a.go'], 'only ^ negates: ! and a are members');
    assert.deepEqual(taken('a\\*[b]'), ['a*b'], "an escape in the pattern part is Go's");
    // Before the first wildcard segment the path is literal, backslash included.
    assert.deepEqual(taken('a\\*b'), ['a\\*b']);
    // A class takes `/` too: the pattern reaches one folder further.
    assert.deepEqual(taken('x[/]b.json'), ['x/b.json']);
  });

  test('a malformed pattern takes nothing, not even a file of that name', () => {
    assert.deepEqual(
      FILES.filter((file) => sourceTakes('arr[0', file)),
      [],
    );
    assert.equal(sourceTakes('a[', 'a['), false);
    assert.equal(sourceTakes('src/[', 'src/['), false);
  });

  test('paths are cleaned as BuildKit cleans them', () => {
    assert.equal(sourceTakes(cleanSourcePath('./src/../src/*.go'), 'src/main.go'), true);
    assert.equal(sourceTakes(cleanSourcePath('../../src'), 'src/main.go'), true);
    assert.equal(sourceTakes('src', './src//main.go'), true);
    assert.equal(cleanSourcePath('/a/./b/../c\\d/'), 'a/c\\d');
  });

  test('20,000 folders and a source that backtracks as a regular expression', { timeout: 10_000 }, () => {
    const path = `${'b/'.repeat(20_000)}c`;
    assert.equal(sourceTakes('b/b/b', path), true);
    assert.equal(sourceTakes('b/*/b', path), true);
    assert.equal(sourceTakes('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(60)), false);
    assert.equal(sourceTakes(`*/${'*a'.repeat(2_000)}b`, `x/${'a'.repeat(10_000)}`), false);
  });
});

describe('sources as the builder expands them', () => {
  const sources = (dockerfile: string): readonly string[] =>
    analyseLayers(buildModel(parseText(dockerfile).tree)).steps.flatMap((step) => step.contextSources);

  test('quotes and the escape character are removed as BuildKit does for every source word', () => {
    assert.deepEqual(sources('FROM a\nCOPY "src" a\\*b a\\\\*b /x/\n'), ['src', 'a*b', 'a\\*b']);
    assert.deepEqual(sources('FROM a\nCOPY ["a b.txt", "/x/"]\n'), ['a b.txt']);
    assert.deepEqual(sources('# escape=`\nFROM a\nCOPY a\\*b /x/\n'), ['a\\*b']);
  });

  test('variables still expand, and an unknown value is any name', () => {
    assert.deepEqual(sources('FROM a\nARG DIR=src\nARG V\nCOPY $DIR/*.go ${V}.txt /x/\n'), ['src/*.go', '*.txt']);
  });
});

describe('COPY --parents', () => {
  const PARENTS_FILES = [
    'src/a.txt',
    'src/x/b.txt',
    'src/x/y/c.txt',
    'src/x/y/d.md',
    'other/a.txt',
    'x/y/a.txt',
    'x/y/b.txt',
    'y/a.txt',
    'a/lib/x.go',
    'a/b/lib/x.go',
    'lib/x.go',
  ];
  const step = (copy: string): { sources: readonly string[]; taken: string[] } => {
    const [layer] = analyseLayers(buildModel(parseText(`FROM scratch\n${copy}\n`).tree)).steps;
    const sources = layer!.contextSources;
    return { sources, taken: PARENTS_FILES.filter((file) => sources.some((source) => sourceTakes(source, file))) };
  };

  test('** spans folders: the source is an include pattern as in .dockerignore (the reference example)', () => {
    assert.deepEqual(step('COPY --parents ./src/**/*.txt /parents/'), {
      sources: ['./src/**/*.txt'],
      taken: ['src/a.txt', 'src/x/b.txt', 'src/x/y/c.txt'],
    });
    // Without --parents the same source is Go's filepath.Match: ** is *.
    assert.deepEqual(step('COPY ./src/**/*.txt /flat/').taken, ['src/x/b.txt']);
  });

  test('a pivot /./: the part before it is resolved as a plain source, the part after is the pattern', () => {
    assert.deepEqual(step('COPY --parents ./x/./y/*.txt /parents/'), {
      sources: ['x/./y/*.txt'],
      taken: ['x/y/a.txt', 'x/y/b.txt'],
    });
    assert.deepEqual(step('COPY --parents ./*/./lib/*.go /parents/'), {
      sources: ['*/./lib/*.go'],
      taken: ['a/lib/x.go'],
    });
  });

  test('a matched folder brings everything below it; without wildcards it is the plain path', () => {
    assert.deepEqual(step('COPY --parents src/* /parents/').taken, [
      'src/a.txt',
      'src/x/b.txt',
      'src/x/y/c.txt',
      'src/x/y/d.md',
    ]);
    assert.deepEqual(step('COPY --parents ./x/y /parents/'), { sources: ['x/y'], taken: ['x/y/a.txt', 'x/y/b.txt'] });
    assert.deepEqual(step('COPY --parents=false ./src/**/*.txt /flat/').sources, ['src/**/*.txt']);
  });

  test('an empty pattern includes nothing (patternmatcher drops it)', () => {
    assert.deepEqual(step('COPY --parents . /parents/'), { sources: ['./'], taken: [] });
  });
});
