// CurlWithoutFail: curl saving or piping a download without -f, so an HTTP error page passes for
// the file. Grouped short flags are read as curl reads them; output that is not kept stays quiet.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { curlWithoutFail } from '../../core/src/rules/bestPractice/curlWithoutFail';
import { initShellParser } from '../../core/src/shell';
import { fixed, ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const run = (command: string): string => `FROM debian:12\nRUN ${command}\n`;

const FIRES = [
  'curl -sSLo /tmp/a.tgz https://example.com/a.tgz',
  'curl -L -O https://example.com/a.tgz',
  'curl --output a.tgz https://example.com/a.tgz',
  'curl -sSL --remote-name-all https://example.com/a.tgz https://example.com/b.tgz',
  'curl -sSL https://example.com/a.tgz | tar -xz',
  // -o takes "f" as its value here: the file is named f, and --fail is not given.
  'curl -sSLo f https://example.com/a.tgz',
];

const QUIET = [
  'curl -fsSLo /tmp/a.tgz https://example.com/a.tgz',
  'curl -fsSLO --compressed https://example.com/a.tgz',
  'curl -f -L -O https://example.com/a.tgz',
  'curl -sSL --fail https://example.com/a.tgz | tar -xz',
  'curl --fail-with-body -o a.tgz https://example.com/a.tgz',
  'curl -sS -o /dev/null -w "%{http_code}" https://example.com/',
  'curl -sS https://example.com/health',
  'curl -sSI https://example.com/ | grep -i etag',
];

describe('CurlWithoutFail', () => {
  for (const command of FIRES) {
    test(`fires on ${command}`, () => {
      const findings = runRule(curlWithoutFail, run(command));
      assert.deepEqual(ranges(findings), ['1:4-1:8']);
      assert.match(findings[0]!.message.en, /-f \(--fail\)/);
    });
  }

  test('stays quiet when curl fails on HTTP errors or its output is not kept', () => {
    for (const command of QUIET) assert.deepEqual(ranges(runRule(curlWithoutFail, run(command))), [], command);
  });

  test('the fix adds -f', () => {
    const text = run('curl -sSLo a.tgz https://example.com/a.tgz');
    const [finding] = runRule(curlWithoutFail, text);
    assert.equal(fixed(text, finding), run('curl -f -sSLo a.tgz https://example.com/a.tgz'));
  });
});
