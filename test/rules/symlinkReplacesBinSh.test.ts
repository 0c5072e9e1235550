// SymlinkReplacesBinSh: `ln` whose link is /bin/sh (or /usr/bin/sh) replaces the shell for the
// whole image; other links and reading /bin/sh as a target stay quiet.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { symlinkReplacesBinSh } from '../../core/src/rules/bestPractice/symlinkReplacesBinSh';
import { initShellParser } from '../../core/src/shell';
import { ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const fires = (command: string): string[] => ranges(runRule(symlinkReplacesBinSh, `FROM debian:12\nRUN ${command}\n`));

test('a link named /bin/sh fires', () => {
  assert.deepEqual(fires('ln -sf /bin/bash /bin/sh'), ['1:4-1:28']);
  assert.deepEqual(fires('rm /bin/sh && ln -s bash /usr/bin/sh'), ['1:18-1:40']);
  assert.deepEqual(fires('ln -s -f --suffix .bak /bin/dash /bin/sh'), ['1:4-1:44']);
});

test('other links, and /bin/sh as the link target, stay quiet', () => {
  for (const command of [
    'ln -s /bin/sh /usr/local/bin/sh',
    'ln -s /bin/bash /bin/bash5',
    'ln -s /bin/sh',
    'echo /bin/sh',
  ])
    assert.deepEqual(fires(command), [], command);
});
