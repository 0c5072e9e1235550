import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, expandValue } from '../../server/src/model';
import { parseDockerfile } from '../../server/src/parser';

const model = (text: string) => buildModel(parseDockerfile(text));
const refs = (text: string) =>
  model(text).references.map((r) => `${r.reference.name}@${r.reference.range.start.line}->${r.definition ? `${r.definition.kind}:${r.definition.value ?? '?'}` : 'undefined'}`);

describe('stages', () => {
  test('index, name (case-insensitive), base image and base stage', () => {
    const m = model('FROM golang:1.22 AS Build\nRUN go build\nFROM build AS test\nFROM alpine\nCOPY --from=build /a /b');
    assert.deepEqual(m.stages.map((s) => [s.index, s.name, s.baseImage, s.baseStage?.index, s.instructions.length]), [
      [0, 'build', 'golang:1.22', undefined, 2],
      [1, 'test', 'build', 0, 1],
      [2, undefined, 'alpine', undefined, 2],
    ]);
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
    assert.deepEqual(refs('ARG V=1\nFROM a:$V\nRUN echo $V\nARG V\nRUN echo $V'), ['V@1->arg:1', 'V@2->undefined', 'V@4->arg:1']);
  });
  test('a stage ARG with its own default overrides the global value', () => {
    assert.deepEqual(refs('ARG V=1\nFROM a\nARG V=2\nWORKDIR /$V'), ['V@3->arg:2']);
  });
  test('ENV wins over ARG of the same name', () => {
    assert.deepEqual(refs('FROM a\nARG X=arg\nENV X=env\nARG X=again\nWORKDIR $X'), ['X@4->env:env']);
  });
  test('ENV values expand earlier definitions; pairs on one line see the old values', () => {
    const m = model('FROM a\nENV A=hello\nENV A=bye B=$A\nENV C=${B}-x');
    assert.deepEqual(m.definitions.map((d) => [d.name, d.value]), [['A', 'hello'], ['A', 'bye'], ['B', 'hello'], ['C', 'hello-x']]);
  });
  test('ENV is inherited by a stage built on another stage', () => {
    assert.deepEqual(refs('FROM a AS base\nENV P=/opt\nFROM base\nWORKDIR $P'), ['P@3->env:/opt']);
    assert.deepEqual(refs('FROM a AS base\nENV P=/opt\nFROM alpine\nWORKDIR $P'), ['P@3->undefined']);
  });
  test('platform ARGs are global automatically, in stages only when declared', () => {
    assert.deepEqual(refs('FROM --platform=$BUILDPLATFORM a\nRUN echo $TARGETARCH\nARG TARGETARCH\nWORKDIR /$TARGETARCH'), [
      'BUILDPLATFORM@0->predefined:?',
      'TARGETARCH@1->undefined',
      'TARGETARCH@3->arg:amd64',
    ]);
    const m = model('FROM a\nARG TARGETARCH\nWORKDIR /$TARGETARCH');
    assert.equal(m.references[0]!.definition?.redeclares?.kind, 'predefined');
  });
  test('proxy args reach RUN without ARG, but not builder-expanded instructions', () => {
    assert.deepEqual(refs('FROM a\nRUN echo $HTTP_PROXY\nWORKDIR $http_proxy'), ['HTTP_PROXY@1->predefined:?', 'http_proxy@2->undefined']);
  });
  test('an ARG without default has no known value', () => {
    assert.deepEqual(refs('FROM a\nARG VERSION\nWORKDIR /$VERSION'), ['VERSION@2->arg:?']);
  });
  test('expandedByBuilder marks where the builder expands', () => {
    const m = model('FROM a\nENV X=1\nRUN echo $X\nWORKDIR $X');
    assert.deepEqual(m.references.map((r) => r.expandedByBuilder), [false, true]);
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
