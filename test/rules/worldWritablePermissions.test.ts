// WorldWritablePermissions: modes that let every user write (chmod 777, o+w, COPY --chmod=777).
// Sticky-bit modes of shared folders, owner-only modes and folders removed in the same RUN stay quiet.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { othersCanWrite, worldWritablePermissions } from '../../core/src/rules/bestPractice/worldWritablePermissions';
import { initShellParser } from '../../core/src/shell';
import { ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

describe('WorldWritablePermissions', () => {
  test('reads octal and symbolic modes', () => {
    for (const mode of ['777', '0777', '666', '0776', '2777', 'a+rwx', 'o+w', 'ugo=rwx', 'u+x,o+w', 'a+w'])
      assert.equal(othersCanWrite(mode), true, mode);
    for (const mode of ['755', '644', '1777', '3777', '775', '+x', '+w', 'u+w', 'g+w', 'o-w', 'a+rwt', 'a-w', '07'])
      assert.equal(othersCanWrite(mode), false, mode);
  });

  test('fires on chmod in RUN and on --chmod of COPY and ADD', () => {
    const text =
      'FROM debian:12\nRUN mkdir /data && chmod -R 0777 /data\nRUN chmod o+w /srv\n' +
      'COPY --chmod=666 conf /etc/app/\nADD --chmod=777 https://example.com/tool /usr/local/bin/tool\n';
    const findings = runRule(worldWritablePermissions, text);
    assert.deepEqual(ranges(findings), ['1:19-1:32', '2:4-2:13', '3:13-3:16', '4:12-4:15']);
    assert.match(findings[0]!.message.en, /chmod 0777/);
    assert.match(findings[2]!.message.ko, /--chmod=666/);
  });

  test('stays quiet on sticky shared folders, safe modes and folders the RUN removes', () => {
    const text =
      'FROM debian:12\nRUN mkdir -p /var/run/app && chmod 1777 /var/run/app && chmod -R 755 /opt\n' +
      'RUN chmod +x /entrypoint.sh && chmod g+w /srv\n' +
      'RUN tmp="$(mktemp -d)" && chmod 777 "$tmp" && make -C "$tmp" && rm -rf "$tmp"\n' +
      'COPY --chmod=755 entrypoint.sh /\n';
    assert.deepEqual(ranges(runRule(worldWritablePermissions, text)), []);
  });
});
