import assert from 'node:assert/strict';
import { test } from 'node:test';
import { updateWithoutInstall } from '../../../core/src/rules/cache/updateWithoutInstall';
import { fixed, ranges, runRule } from '../../helpers/ruleHarness';

const rule = updateWithoutInstall;

test('fires on apt-get update alone and merges it with the next RUN that installs', () => {
  const text = 'FROM debian\nRUN apt-get update\n\nRUN apt-get install -y curl \\\n    git\n';
  const findings = runRule(rule, text);
  assert.deepEqual(ranges(findings), ['1:0-1:18']);
  assert.match(findings[0]!.message.en, /`apt-get update` runs in a RUN that installs nothing/);
  assert.equal(
    fixed(text, findings[0]),
    'FROM debian\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    git\n',
  );
});

test('uses the escape directive for the continuation', () => {
  const text = '# escape=`\nFROM debian\nRUN apt update\nRUN apt install -y curl\n';
  assert.equal(
    fixed(text, runRule(rule, text)[0]),
    '# escape=`\nFROM debian\nRUN apt update `\n    && apt install -y curl\n',
  );
});

test('dnf makecache / zypper refresh alone: both refresh metadata themselves; the layer just keeps a cache', () => {
  const text = 'FROM fedora:40\nRUN dnf makecache\nRUN dnf install -y curl\n';
  const findings = runRule(rule, text);
  assert.deepEqual(ranges(findings), ['1:0-1:17']);
  assert.match(findings[0]!.message.en, /`dnf install` refreshes expired metadata by itself/);
  assert.match(findings[0]!.message.ko, /메타데이터/);
  assert.equal(fixed(text, findings[0]), 'FROM fedora:40\nRUN dnf makecache \\\n    && dnf install -y curl\n');
  assert.deepEqual(ranges(runRule(rule, 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive refresh\n')), [
    '1:0-1:36',
  ]);
  assert.deepEqual(ranges(runRule(rule, 'FROM rockylinux:9\nRUN yum -q makecache\nRUN echo hi\n')), ['1:0-1:20']);
});

const firesWithoutFix: [string, string, string][] = [
  ['apk update alone, install far away', 'FROM alpine\nRUN apk update\nRUN echo hi\nRUN apk add curl\n', '1:0-1:14'],
  [
    'next RUN has a mount flag',
    'FROM debian\nRUN apt-get update\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n',
    '1:0-1:18',
  ],
  [
    'a comment between would be lost',
    'FROM debian\nRUN apt-get update\n# tools\nRUN apt-get install -y curl\n',
    '1:0-1:18',
  ],
  ['update as the last instruction', 'FROM debian\nRUN apt-get -q update\n', '1:0-1:21'],
];
for (const [name, text, range] of firesWithoutFix) {
  test(`fires without a fix: ${name}`, () => {
    const findings = runRule(rule, text);
    assert.deepEqual(ranges(findings), [range]);
    assert.equal(findings[0]!.fixes, undefined);
  });
}

const nearMisses: [string, string][] = [
  [
    'update and install together',
    'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
  ],
  ['update and upgrade together', 'FROM debian\nRUN apt-get update && apt-get -y upgrade\n'],
  [
    'inside a heredoc with the install',
    'FROM debian\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n',
  ],
  [
    'a comment mentioning apt-get update',
    'FROM debian\nRUN <<EOF\n# apt-get update is not needed here\necho hi\nEOF\n',
  ],
  ['apk add --update', 'FROM alpine\nRUN apk add --update curl\n'],
  ['yum update upgrades packages: it uses the index', 'FROM centos:7\nRUN yum -y update\nRUN yum -y install curl\n'],
  ['dnf makecache with the install', 'FROM fedora:40\nRUN dnf makecache && dnf install -y curl && dnf clean all\n'],
  ['zypper refresh with the install', 'FROM opensuse/leap:15.6\nRUN zypper ref && zypper in -y curl\n'],
  ['exec form with install', 'FROM debian\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"]\n'],
];
for (const [name, text] of nearMisses) {
  test(`near miss: ${name}`, () => assert.deepEqual(ranges(runRule(rule, text)), []));
}
