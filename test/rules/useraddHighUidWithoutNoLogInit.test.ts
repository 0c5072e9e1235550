// UseraddHighUidWithoutNoLogInit: useradd with a UID of 100000 or more and without -l /
// --no-log-init, read as useradd reads its options; the fix adds --no-log-init.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { useraddHighUidWithoutNoLogInit } from '../../core/src/rules/bestPractice/useraddHighUidWithoutNoLogInit';
import { initShellParser } from '../../core/src/shell';
import { fixed, ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const run = (command: string): string => `FROM debian:12\nRUN ${command}\n`;
const fires = (command: string): string[] => ranges(runRule(useraddHighUidWithoutNoLogInit, run(command)));

test('a high UID without -l fires, however the UID is written', () => {
  for (const command of ['useradd -u 100000 app', 'useradd --uid=1000000 app', 'useradd -mu 5000000 app'])
    assert.deepEqual(fires(command), ['1:4-1:11'], command);
  assert.deepEqual(fires('groupadd -g 1 g && /usr/sbin/useradd --uid 2000000 -g g app'), ['1:23-1:40']);
});

test('-l, --no-log-init, low or unknown UIDs stay quiet', () => {
  for (const command of [
    'useradd -l -u 1000000 app',
    'useradd -lmu 1000000 app',
    'useradd --no-log-init --uid 1000000 app',
    'useradd -u 99999 app',
    'useradd -u "$APP_UID" app',
    'useradd -s /bin/sh -c 1000000 app',
  ])
    assert.deepEqual(fires(command), [], command);
});

test('the fix adds --no-log-init after useradd', () => {
  const text = run('useradd -u 1000000 app');
  const [finding] = runRule(useraddHighUidWithoutNoLogInit, text);
  assert.equal(fixed(text, finding), run('useradd --no-log-init -u 1000000 app'));
});
