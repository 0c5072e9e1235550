// ArchiveCopiedThenExtracted: an archive put into the image by COPY (or downloaded by ADD) and
// unpacked by a later RUN of the same stage. ADD of a local tar (unpacked by ADD), archives never
// unpacked, COPY --from and unrelated files stay quiet.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { archiveCopiedThenExtracted } from '../../core/src/rules/bestPractice/archiveCopiedThenExtracted';
import { initShellParser } from '../../core/src/shell';
import { runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const messagesFor = (lines: string): string[] =>
  runRule(archiveCopiedThenExtracted, `FROM debian:12\n${lines}\n`).map((finding) => finding.message.en);

test('a copied tar, zip or downloaded archive unpacked later fires with fitting advice', () => {
  assert.match(messagesFor('COPY app.tar.gz /tmp/\nRUN tar xzf /tmp/app.tar.gz')[0] ?? '', /Let ADD unpack it/);
  assert.match(
    messagesFor('COPY dist.zip /tmp/dist.zip\nRUN unzip /tmp/dist.zip -d /srv')[0] ?? '',
    /ADD does not unpack zip/,
  );
  assert.match(
    messagesFor('ADD https://example.com/a.tgz /tmp/\nRUN tar -x -f /tmp/a.tgz')[0] ?? '',
    /downloaded by ADD/,
  );
  assert.equal(
    messagesFor('COPY a.tar b.tar /tmp/\nRUN tar --extract --file=/tmp/b.tar && tar -xf /tmp/a.tar').length,
    2,
  );
  assert.equal(messagesFor('COPY app.tar.gz /tmp/app.tar.gz\nWORKDIR /opt\nRUN tar -xzf/tmp/app.tar.gz').length, 1);
});

test('what ADD unpacks itself, archives listed or kept, and other stages stay quiet', () => {
  for (const lines of [
    'ADD app.tar.gz /opt/\nRUN ls /opt',
    'COPY app.tar.gz /srv/downloads/',
    'COPY app.tar.gz /tmp/\nRUN tar -tzf /tmp/app.tar.gz',
    'COPY --from=build /out/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz',
    'COPY other.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz',
    'RUN tar -xzf /tmp/app.tar.gz\nCOPY app.tar.gz /tmp/',
  ])
    assert.deepEqual(messagesFor(lines), [], lines);
});
