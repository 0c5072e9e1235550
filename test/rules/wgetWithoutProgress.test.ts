// WgetWithoutProgress: GNU wget downloading an archive without --progress, -q or -nv. BusyBox
// wget (Alpine and BusyBox bases, or any stage that runs apk, until it installs wget) and small
// downloads (signatures, scripts) stay quiet.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { wgetWithoutProgress } from '../../core/src/rules/bestPractice/wgetWithoutProgress';
import { initShellParser } from '../../core/src/shell';
import { fixed, ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const fires = (text: string): string[] => ranges(runRule(wgetWithoutProgress, text));
const debian = (command: string): string => `FROM debian:12\nRUN ${command}\n`;

test('an archive download without a quieter progress fires, with a fix', () => {
  assert.deepEqual(fires(debian('wget -O python.tar.xz "$url"')), ['1:4-1:8']);
  assert.deepEqual(fires(debian('wget https://example.com/app-1.0.zip?download=1')), ['1:4-1:8']);
  const text = debian('wget -O go.tgz "$url"');
  assert.equal(fixed(text, runRule(wgetWithoutProgress, text)[0]), debian('wget --progress=dot:giga -O go.tgz "$url"'));
});

test('progress options, quiet modes and small files stay quiet', () => {
  for (const command of [
    'wget --progress=dot:giga -O go.tgz "$url"',
    'wget -O go.tgz "$url" --progress=bar:force',
    'wget -q -O go.tgz "$url"',
    'wget -qO- https://example.com/app.tar.gz | tar xz',
    'wget -nv -O go.tgz "$url"',
    'wget -O go.tgz.asc "$url.asc"',
    'wget -O /usr/local/bin/gosu "$url"',
  ])
    assert.deepEqual(fires(debian(command)), [], command);
});

test('BusyBox wget is left alone until GNU wget is installed', () => {
  assert.deepEqual(fires('FROM alpine:3.20\nRUN wget -O app.tgz "$url"\n'), []);
  assert.deepEqual(fires('FROM python:3.12-alpine\nRUN wget -O app.tgz "$url"\n'), []);
  assert.deepEqual(fires('FROM docker:29-cli\nRUN apk add --no-cache bash\nRUN wget -O app.tgz "$url"\n'), []);
  assert.deepEqual(fires('FROM alpine:3.20\nRUN apk add --no-cache wget\nRUN wget -O app.tgz "$url"\n'), ['2:4-2:8']);
});
