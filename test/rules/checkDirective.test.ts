import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCheckOptions } from '../../core/src/model';
import { ruleFindings } from '../helpers/rules';

const codes = (text: string): string[] =>
  ruleFindings(text).map(({ rule, finding }) => `${rule.code}@${finding.range.start.line}`);
const body = 'FROM alpine:3.20 AS Build\nWORKDIR app\nCOPY --bogus a /b\n';

test('without a directive every rule reports', () => {
  assert.deepEqual(codes(body), ['StageNameCasing@0', 'unknown-flag@2', 'WorkdirRelativePath@1']);
});

test('# check=skip=<rules> silences those rules in the whole file', () => {
  assert.deepEqual(codes(`# check=skip=StageNameCasing,WorkdirRelativePath\n${body}`), ['unknown-flag@3']);
  // BuildKit reads the value up to its first space: the rule after ", " is not skipped.
  assert.deepEqual(codes(`# check=skip=StageNameCasing, WorkdirRelativePath\n${body}`), [
    'unknown-flag@3',
    'WorkdirRelativePath@2',
  ]);
});

test('# check=skip=all silences every check but never a builder error', () => {
  assert.deepEqual(codes(`# check=skip=all\n${body}`), ['unknown-flag@3']);
});

test('a skip comment directly above an instruction applies to it alone', () => {
  const text =
    'FROM alpine:3.20\n# check=skip=WorkdirRelativePath\nWORKDIR app\n' +
    'FROM alpine:3.20\n\n# check=skip=WorkdirRelativePath\n\nWORKDIR other\n';
  assert.deepEqual(codes(text), ['WorkdirRelativePath@7']);
});

test('# check=experimental=<rule> turns on an experimental check', () => {
  const text = '# check=experimental=InvalidDefinitionDescription\n# the base\nFROM alpine:3.20 AS base\n';
  assert.deepEqual(codes(text), ['InvalidDefinitionDescription@2']);
  assert.deepEqual(codes('# the base\nFROM alpine:3.20 AS base\n'), []);
});

test('check options parse like BuildKit and explain what is wrong', () => {
  assert.equal(parseCheckOptions('skip=A,B;error=true').options?.error, true);
  assert.deepEqual([...parseCheckOptions(' skip=A,B  because of X ').options!.skip], ['A', 'B']);
  // Cut at the first space, " skip = A" is only "skip", which BuildKit rejects.
  assert.match(parseCheckOptions(' skip = A , B ').problem!, /key=value/);
  // At most three `;` parts, and a later skip list replaces an earlier one.
  assert.deepEqual([...parseCheckOptions('skip=A;skip=B').options!.skip], ['B']);
  assert.deepEqual(
    [...parseCheckOptions('error=false;skip=A;experimental=B;skip=C').options!.experimental],
    ['B;skip=C'],
  );
  assert.match(parseCheckOptions('skip').problem!, /key=value/);
  assert.match(parseCheckOptions('error=maybe').problem!, /true or false/);
  assert.match(parseCheckOptions('ignore=A').problem!, /unknown option/);
});

test('a skip comment above an instruction still applies with a reason after it', () => {
  const text = 'FROM alpine:3.20\n# check=skip=WorkdirRelativePath because the base image sets one\nWORKDIR app\n';
  assert.deepEqual(codes(text), []);
  // Near miss: the rule name itself must end at the space.
  assert.deepEqual(codes('FROM alpine:3.20\n# check=skip=WorkdirRelative PathX\nWORKDIR app\n'), [
    'WorkdirRelativePath@2',
  ]);
});

test('the first check comment in the comment block above an instruction applies, up to an empty #', () => {
  const workdir = (comments: string): string[] => codes(`FROM alpine:3.20\n${comments}WORKDIR app\n`);
  assert.deepEqual(workdir('# check=skip=WorkdirRelativePath\n# the base image has no WORKDIR\n'), []);
  assert.deepEqual(workdir('# check=skip=WorkdirRelativePath\n# check=skip=StageNameCasing\n'), []);
  // Near misses: an empty # ends the block; only the first check comment counts.
  assert.deepEqual(workdir('# check=skip=WorkdirRelativePath\n#\n# note\n'), ['WorkdirRelativePath@4']);
  assert.deepEqual(workdir('# check=skip=StageNameCasing\n# check=skip=WorkdirRelativePath\n'), [
    'WorkdirRelativePath@3',
  ]);
});
