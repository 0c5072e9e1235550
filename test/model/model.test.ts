import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, expandValue, MAX_EXPANDED_LENGTH } from '../../core/src/model';
import { parseDockerfile } from '../../core/src/parser';

const model = (text: string) => buildModel(parseDockerfile(text));
const refs = (text: string) =>
  model(text).references.map(
    (r) =>
      `${r.reference.name}@${r.reference.range.start.line}->` +
      (r.definition ? `${r.definition.kind}:${r.definition.value ?? '?'}` : 'undefined'),
  );

describe('stages', () => {
  test('index, name (case-insensitive), base image and base stage', () => {
    const m = model(
      'FROM golang:1.22 AS Build\nRUN go build\nFROM build AS test\nFROM alpine\nCOPY --from=build /a /b',
    );
    assert.deepEqual(
      m.stages.map((s) => [s.index, s.name, s.baseImage, s.baseStage?.index, s.instructions.length]),
      [
        [0, 'build', 'golang:1.22', undefined, 2],
        [1, 'test', 'build', 0, 1],
        [2, undefined, 'alpine', undefined, 2],
      ],
    );
    assert.equal(m.findStage('BUILD')?.index, 0);
    assert.equal(m.findStage('2')?.index, 2);
    assert.equal(m.findStage('nope'), undefined);
    assert.equal(m.stages[0]!.range.end.line, 1);
  });
  test('global ARGs expand in FROM', () => {
    const m = model('ARG VARIANT=alpine\nARG TAG=3.20\nFROM ${VARIANT}:${TAG}');
    assert.equal(m.stages[0]!.resolvedBaseImage, 'alpine:3.20');
  });
  test('a FROM naming an earlier stage through an ARG', () => {
    const m = model('ARG BASE=builder\nFROM alpine AS builder\nFROM $BASE');
    assert.equal(m.stages[1]!.baseStage?.index, 0);
  });
});

describe('scopes and references', () => {
  test('global ARG is visible in FROM but not in a stage until redeclared', () => {
    assert.deepEqual(refs('ARG V=1\nFROM a:$V\nRUN echo $V\nARG V\nRUN echo $V'), [
      'V@1->arg:1',
      'V@2->undefined',
      'V@4->arg:1',
    ]);
  });
  test('a stage ARG with its own default overrides the global value', () => {
    assert.deepEqual(refs('ARG V=1\nFROM a\nARG V=2\nWORKDIR /$V'), ['V@3->arg:2']);
  });
  test('ENV wins over ARG of the same name', () => {
    assert.deepEqual(refs('FROM a\nARG X=arg\nENV X=env\nARG X=again\nWORKDIR $X'), ['X@4->env:env']);
  });
  test('ENV values expand earlier definitions; pairs on one line see the old values', () => {
    const m = model('FROM a\nENV A=hello\nENV A=bye B=$A\nENV C=${B}-x');
    assert.deepEqual(
      m.definitions.map((d) => [d.name, d.value]),
      [
        ['A', 'hello'],
        ['A', 'bye'],
        ['B', 'hello'],
        ['C', 'hello-x'],
      ],
    );
  });
  test('ENV is inherited by a stage built on another stage', () => {
    assert.deepEqual(refs('FROM a AS base\nENV P=/opt\nFROM base\nWORKDIR $P'), ['P@3->env:/opt']);
    assert.deepEqual(refs('FROM a AS base\nENV P=/opt\nFROM alpine\nWORKDIR $P'), ['P@3->undefined']);
  });
  test('platform ARGs are global automatically, in stages only when declared', () => {
    assert.deepEqual(
      refs('FROM --platform=$BUILDPLATFORM a\nRUN echo $TARGETARCH\nARG TARGETARCH\nWORKDIR /$TARGETARCH'),
      ['BUILDPLATFORM@0->predefined:?', 'TARGETARCH@1->undefined', 'TARGETARCH@3->arg:amd64'],
    );
    const m = model('FROM a\nARG TARGETARCH\nWORKDIR /$TARGETARCH');
    assert.equal(m.references[0]!.definition?.redeclares?.kind, 'predefined');
  });
  test('proxy args reach RUN without ARG, but not builder-expanded instructions', () => {
    assert.deepEqual(refs('FROM a\nRUN echo $HTTP_PROXY\nWORKDIR $http_proxy'), [
      'HTTP_PROXY@1->predefined:?',
      'http_proxy@2->undefined',
    ]);
  });
  test('an ARG without default has no known value', () => {
    assert.deepEqual(refs('FROM a\nARG VERSION\nWORKDIR /$VERSION'), ['VERSION@2->arg:?']);
  });
  test('expandedByBuilder marks where the builder expands', () => {
    const m = model('FROM a\nENV X=1\nRUN echo $X\nWORKDIR $X');
    assert.deepEqual(
      m.references.map((r) => r.expandedByBuilder),
      [false, true],
    );
  });
  test('scopeBefore lists what is visible at an instruction', () => {
    const m = model('ARG G=1\nFROM a\nARG G\nENV E=2\nRUN x');
    const run = m.tree.instructions[4]!;
    assert.deepEqual([...m.scopeBefore(run).keys()], ['G', 'E']);
    assert.ok(m.scopeBefore(m.tree.instructions[1]!).has('TARGETPLATFORM'));
  });
});

describe('expansion', () => {
  const values: Record<string, string> = { A: 'hello', EMPTY: '', PATH: '/usr/bin:/bin', FILE: 'archive.tar.gz' };
  const lookup = (name: string) => (name in values ? values[name] : name === 'UNKNOWN' ? undefined : '');
  const cases: [string, string | undefined][] = [
    ['$A', 'hello'],
    ['${A}-x', 'hello-x'],
    ['${MISSING:-dflt}', 'dflt'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${A:+set}', 'set'],
    ['${EMPTY:+set}', ''],
    ['${FILE#*.}', 'tar.gz'],
    ['${FILE##*.}', 'gz'],
    ['${FILE%.*}', 'archive.tar'],
    ['${FILE%%.*}', 'archive'],
    ['${PATH/bin/sbin}', '/usr/sbin:/bin'],
    ['${PATH//bin/sbin}', '/usr/sbin:/sbin'],
    ['"quoted $A"', 'quoted hello'],
    ["'$A'", '$A'],
    ['\\$A', '$A'],
    ['$UNKNOWN', undefined],
    ['${A:-$UNKNOWN}', 'hello'],
  ];
  for (const [raw, expected] of cases) {
    test(`${raw} -> ${expected}`, () => assert.equal(expandValue(raw, lookup, '\\'), expected));
  }
});

describe('values past MAX_EXPANDED_LENGTH are unknown, and long chains do not recurse', () => {
  const env = (values: Record<string, string>) => (name: string) => values[name];
  test('a value of exactly the limit is kept, one character more is unknown', () => {
    const x = 'x'.repeat(MAX_EXPANDED_LENGTH / 2);
    assert.equal(expandValue('$X$X', env({ X: x }), '\\')?.length, MAX_EXPANDED_LENGTH);
    assert.equal(expandValue('$X$X.', env({ X: x }), '\\'), undefined);
    assert.equal(expandValue('"$X$X."', env({ X: x }), '\\'), undefined);
    assert.equal(expandValue('${A:-$X$X.}', env({ X: x }), '\\'), undefined);
  });
  test('replace-all that would multiply a long value stops at the limit', () => {
    const x = 'a'.repeat(60_000);
    // Every character replaced by the whole value: 3.6e9 characters if built.
    assert.equal(expandValue('${X//?/$X}', env({ X: x }), '\\'), undefined);
    // The replacement is expanded first, so a Go template `$0` comes in through a variable.
    assert.equal(expandValue('${X//?/$T}', env({ X: x, T: '$0$0' }), '\\'), undefined);
    assert.equal(expandValue('${X/?/$X}', env({ X: x }), '\\'), undefined);
    // Under the limit the same forms still expand.
    assert.equal(expandValue('${X//a/$T}', env({ X: 'a'.repeat(100), T: '$0$0' }), '\\'), 'a'.repeat(200));
    assert.equal(expandValue('${X/?/$X}', env({ X: 'abc' }), '\\'), 'abcbc');
    // A long template whose names match nothing is read once, not once per match.
    assert.equal(expandValue('${X//?/$T}', env({ X: x, T: `${'$n'.repeat(30_000)}-` }), '\\'), '-'.repeat(60_000));
  });
  test('60 ARGs each doubling the one before: known up to the limit, unknown after, no exception', () => {
    const lines = ['ARG a0=xy'];
    for (let i = 1; i < 60; i++) lines.push(`ARG a${i}=\${a${i - 1}}\${a${i - 1}}`);
    lines.push(
      'FROM alpine:${a59}',
      'ARG a59',
      'ENV e0=$a59',
      ...Array.from({ length: 59 }, (_, i) => `ENV e${i + 1}=\${e${i}}\${e${i}}`),
      'WORKDIR /$e59',
    );
    const m = model(lines.join('\n'));
    const value = (name: string) => m.definitions.find((d) => d.name === name)?.value;
    assert.equal(value('a15')?.length, 2 ** 16);
    assert.equal(value('a16'), undefined);
    assert.equal(value('a59'), undefined);
    assert.equal(m.stages[0]!.resolvedBaseImage, undefined);
    assert.equal(
      m.definitions.filter((d) => d.kind === 'env').every((d) => d.value === undefined),
      true,
    );
  });
  test('10,000 chained ARGs and 10,000 ENVs after them resolve without deep recursion (3,000 overflowed)', () => {
    const lines = ['ARG a0=x'];
    for (let i = 1; i < 10_000; i++) lines.push(`ARG a${i}=$a${i - 1}`);
    lines.push('FROM alpine:$a9999', 'ARG a9999', 'ENV e0=${a9999}y');
    for (let i = 1; i < 10_000; i++) lines.push(`ENV e${i}=$e${i - 1}`);
    const m = model(lines.join('\n'));
    assert.equal(m.stages[0]!.resolvedBaseImage, 'alpine:x');
    assert.equal(m.definitions[m.definitions.length - 1]!.value, 'xy');
  });
  test('values are expanded when asked, not when the model is built', () => {
    const m = model('FROM alpine\nENV A=$UNSET_B\nENV C=$A');
    const [a, c] = m.definitions;
    assert.equal((a as unknown as { state: string }).state, 'new');
    assert.equal(c!.value, '');
    assert.equal((a as unknown as { state: string }).state, 'done');
  });
});
