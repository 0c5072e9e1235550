// EnvUsesSameEnvName: a value in ENV that refers to a name set earlier in the same ENV gets the
// name's value from before the instruction. Separate ENV lines, single quotes, `NAME=$NAME`
// re-exports and values that do not change stay quiet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envUsesSameEnvName } from '../../core/src/rules/bestPractice/envUsesSameEnvName';
import { ranges, runRule } from '../helpers/ruleHarness';

const findings = (text: string) => runRule(envUsesSameEnvName, `FROM alpine:3.20\n${text}`);

test('a name set earlier in the same ENV fires, with its old value or as empty', () => {
  const [empty] = findings('ENV A=1 B=$A\n');
  assert.match(empty!.message.en, /\$A is empty here, not "1"/);
  const [old] = findings('ENV A=1\nENV A=2 B=${A}/x\n');
  assert.match(old!.message.en, /still "1".*not "2"/);
  assert.deepEqual(ranges(findings('ENV A=1 \\\n    B="$A" C=${A:-x}\n')), ['2:7-2:9', '2:13-2:20']);
});

test('a value from outside the stage is named without guessing it', () => {
  const [inherited] = runRule(envUsesSameEnvName, 'FROM alpine:3.20\nARG A\nENV A=2 B=$A\n');
  assert.match(inherited!.message.en, /keeps its value from before this ENV, not "2"/);
});

test('separate ENV lines, later names, single quotes and look-alike names stay quiet', () => {
  assert.deepEqual(findings('ENV A=1\nENV B=$A\n'), []);
  assert.deepEqual(findings("ENV A=1 B='$A' C=$AB D=$A_1\n"), []);
  assert.deepEqual(findings('ENV B=$A A=1\n'), []);
  assert.deepEqual(findings('ENV PATH=/opt/bin:$PATH\n'), []);
});

test('re-exporting an ARG, or setting the value it already has, changes nothing', () => {
  assert.deepEqual(findings('ARG V=1\nENV V=$V URL=/v$V\n'), []);
  assert.deepEqual(findings('ARG V\nENV V="${V}" URL=/v$V\n'), []);
  assert.deepEqual(findings('ENV V=1\nENV V=1 URL=/v$V\n'), []);
});
