// UnverifiedRemoteScript: a script fetched with curl or wget and run in the same RUN without a
// checksum or signature check. Downloads that are data, and scripts checked first, stay quiet.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { unverifiedRemoteScript } from '../../core/src/rules/bestPractice/unverifiedRemoteScript';
import { initShellParser } from '../../core/src/shell';
import { ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const run = (command: string): string => `FROM debian:12\nRUN ${command}\n`;

const FIRES: [command: string, range: string][] = [
  ['curl -fsSL https://get.example.com | sh', '1:4-1:43'],
  ['curl -fsSL https://get.example.com | sudo bash -s -- --yes', '1:4-1:62'],
  ['wget -qO- https://get.example.com | bash', '1:4-1:44'],
  ['wget -O - https://get.example.com | /bin/sh', '1:4-1:47'],
  ['bash -c "$(curl -fsSL https://get.example.com/install.sh)"', '1:4-1:62'],
  ['sh <(curl -fsSL https://get.example.com/install.sh)', '1:4-1:55'],
  ['curl -fsSLo /tmp/install.sh https://get.example.com/install.sh && sh /tmp/install.sh', '1:70-1:88'],
  ['curl -fsSLO https://get.example.com/install.sh && bash install.sh --prefix=/opt', '1:54-1:83'],
  ['wget https://get.example.com/install.sh && chmod +x install.sh && ./install.sh', '1:70-1:82'],
];

const QUIET = [
  // Data, not a script.
  'curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt',
  'curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg',
  // Checked before it runs.
  'curl -fsSLo i.sh https://get.example.com/i.sh && echo "abc  i.sh" | sha256sum -c - && sh i.sh',
  'curl -fsSLo i.sh https://x/i.sh && curl -fsSLo i.sh.asc https://x/i.sh.asc && gpg --verify i.sh.asc i.sh && sh i.sh',
  // Saved but not run here.
  'curl -fsSLo /usr/local/bin/tool https://example.com/tool',
  // A shell given a command, not the download.
  'curl -fsSL https://example.com/list | sh -c "cat > /etc/list"',
];

describe('UnverifiedRemoteScript', () => {
  for (const [command, range] of FIRES) {
    test(`fires on ${command}`, () => {
      const findings = runRule(unverifiedRemoteScript, run(command));
      assert.deepEqual(ranges(findings), [range]);
      assert.match(findings[0]!.message.en, /sha256sum -c/);
      assert.match(findings[0]!.message.ko, /sha256sum -c/);
    });
  }

  test('stays quiet on data downloads and on scripts checked before they run', () => {
    for (const command of QUIET) assert.deepEqual(ranges(runRule(unverifiedRemoteScript, run(command))), [], command);
  });

  test('points at the download of a saved script', () => {
    const [finding] = runRule(unverifiedRemoteScript, run('curl -fsSLo i.sh https://x/i.sh && sh i.sh'));
    assert.deepEqual(ranges(finding!.related!), ['1:4-1:35']);
  });
});
