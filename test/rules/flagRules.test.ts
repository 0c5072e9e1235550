// unknown-flag and duplicate-flag: one finding per flag name however often it is repeated, and
// names of Object.prototype (`--constructor`) are not flags.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { initShellParser } from '../../core/src/shell';
import { ruleFindings } from '../helpers/rules';
import { showRange } from '../helpers/show';

before(() => initShellParser());

const found = (text: string, code: string): string[] =>
  ruleFindings(text, { rules: { [code]: 'error' } })
    .filter(({ rule }) => rule.code === code)
    .map(({ finding }) => `${showRange(finding.range)} ${finding.message.en}`);

test('unknown-flag: each unknown name once, where it is first used', () => {
  assert.deepEqual(found('FROM a\nRUN --x --x --y true\n', 'unknown-flag'), [
    '1:6-1:7 RUN has no flag --x; the build stops here. RUN accepts: --mount, --network, --security, --device.',
    '1:14-1:15 RUN has no flag --y; the build stops here. RUN accepts: --mount, --network, --security, --device.',
  ]);
});

test('unknown-flag: names of Object.prototype are unknown flags too', () => {
  const findings = found(
    'FROM a\nRUN --constructor --toString true\nCOPY --__proto__ --hasOwnProperty=1 a /b\n',
    'unknown-flag',
  );
  assert.deepEqual(
    findings.map((f) => f.split(' ').slice(0, 6).join(' ')),
    [
      '1:6-1:17 RUN has no flag --constructor;',
      '1:20-1:28 RUN has no flag --toString;',
      '2:7-2:16 COPY has no flag --__proto__;',
      '2:19-2:33 COPY has no flag --hasOwnProperty;',
    ],
  );
});

test('duplicate-flag: one finding per name at its second use, with the count past two', () => {
  assert.deepEqual(found('FROM a\nCOPY --chown=1 --chown=2 a /b\n', 'duplicate-flag'), [
    '1:15-1:24 --chown is given more than once; COPY accepts it only once.',
  ]);
  assert.deepEqual(found('FROM a\nCOPY --chmod=1 --chown=1 --chown=2 --chmod=2 --chown=3 a /b\n', 'duplicate-flag'), [
    '1:25-1:34 --chown is given 3 times; COPY accepts it only once.',
    '1:35-1:44 --chmod is given more than once; COPY accepts it only once.',
  ]);
});

test('100,000 unknown flags and 50,000 repeated ones are two findings', () => {
  const text = `FROM alpine:3.20\nRUN ${'--x '.repeat(100_000)}echo hi\nCOPY ${'--chmod=644 '.repeat(50_000)}a /a\n`;
  assert.deepEqual(
    found(text, 'unknown-flag').map((f) => f.split(' ')[0]),
    ['1:6-1:7'],
  );
  assert.deepEqual(found(text, 'duplicate-flag'), [
    '2:17-2:28 --chmod is given 50000 times; COPY accepts it only once.',
  ]);
});
