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
  assert.deepEqual(codes(`# check=skip=StageNameCasing, WorkdirRelativePath\n${body}`), ['unknown-flag@3']);
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
  assert.deepEqual(codes(text), ['InvalidDefinitionDescription@1']);
  assert.deepEqual(codes('# the base\nFROM alpine:3.20 AS base\n'), []);
});

test('check options parse like BuildKit and explain what is wrong', () => {
  assert.equal(parseCheckOptions('skip=A,B;error=true').options?.error, true);
  assert.deepEqual([...parseCheckOptions(' skip = A , B ').options!.skip], ['A', 'B']);
  assert.match(parseCheckOptions('skip').problem!, /key=value/);
  assert.match(parseCheckOptions('error=maybe').problem!, /true or false/);
  assert.match(parseCheckOptions('ignore=A').problem!, /unknown option/);
});
