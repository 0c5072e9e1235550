// Package-manager rules read every shell command alike (RUN, its heredoc bodies, ONBUILD RUN) and
// know the tools as they behave: aliases, option values, order of install and clean.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { initShellParser } from '../../core/src/shell';
import { findingsOf } from '../helpers/rules';

before(() => initShellParser());

const ON = {
  UnpinnedPackageVersion: 'info',
} as const;

const ranges = (text: string, code: string): string[] =>
  findingsOf(text, code, { rules: ON }).map((found) => found.slice(code.length + 1));

/** Each rule with a command it fires on (at the start of a line, so ONBUILD and heredoc forms can wrap it). */
const SHELL_RULES: [code: string, command: string][] = [
  ['AptGetInstallWithoutYes', 'apt-get install curl'],
  ['AptInsteadOfAptGet', 'apt install -y curl'],
  ['AptListsNotCleaned', 'apt-get update'],
  ['AptGetInstallWithoutNoInstallRecommends', 'apt-get install -y curl'],
  ['ApkAddWithoutNoCache', 'apk add curl'],
  ['PipInstallWithoutNoCacheDir', 'pip install flask==3.0.0'],
  ['YumInstallWithoutYes', 'dnf install httpd-2.4.62 && dnf clean all'],
  ['ZypperWithoutNonInteractive', 'zypper install curl=8.0 && zypper clean --all'],
  ['PackageCacheNotCleaned', 'dnf install -y httpd-2.4.62'],
  ['UnpinnedPackageVersion', 'pip install --no-cache-dir flask'],
];

describe('shell rules see RUN, heredoc bodies and ONBUILD RUN alike', () => {
  for (const [code, command] of SHELL_RULES) {
    test(`${code}: RUN, RUN <<EOF and ONBUILD RUN`, () => {
      assert.equal(ranges(`FROM debian:12\nRUN ${command}\n`, code).length, 1, 'RUN');
      assert.equal(ranges(`FROM debian:12\nRUN <<EOF\n${command}\nEOF\n`, code).length, 1, 'heredoc');
      assert.equal(ranges(`FROM debian:12\nONBUILD RUN ${command}\n`, code).length, 1, 'ONBUILD RUN');
    });
    test(`${code}: not under a PowerShell SHELL`, () => {
      const text = `FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN ${command}\nONBUILD RUN ${command}\n`;
      assert.deepEqual(ranges(text, code), []);
    });
  }
});

describe('package managers as they behave', () => {
  const cases: [name: string, code: string, text: string, expected: string[]][] = [
    ['microdnf prompts', 'YumInstallWithoutYes', 'FROM ubi9\nRUN microdnf install httpd\n', ['1:4-1:20']],
    ['microdnf -y', 'YumInstallWithoutYes', 'FROM ubi9\nRUN microdnf install -y httpd && microdnf clean all\n', []],
    ['dnf alias rei', 'YumInstallWithoutYes', 'FROM fedora:40\nRUN dnf rei httpd\n', ['1:4-1:11']],
    ['dnf alias up-min', 'YumInstallWithoutYes', 'FROM fedora:40\nRUN dnf up-min\n', ['1:4-1:14']],
    ['dnf --nobest takes no value', 'YumInstallWithoutYes', 'FROM fedora:40\nRUN dnf --nobest in x\n', ['1:4-1:19']],
    ['dnf list asks nothing', 'YumInstallWithoutYes', 'FROM fedora:40\nRUN dnf list installed\n', []],
    ['aptitude prompts', 'AptGetInstallWithoutYes', 'FROM debian:12\nRUN aptitude install curl\n', ['1:4-1:20']],
    ['aptitude -y', 'AptGetInstallWithoutYes', 'FROM debian:12\nRUN aptitude install -y curl\n', []],
    ['aptitude update lists', 'AptListsNotCleaned', 'FROM debian:12\nRUN aptitude update\n', ['1:4-1:19']],
    [
      'aptitude update cleaned',
      'AptListsNotCleaned',
      'FROM debian:12\nRUN aptitude update && rm -rf /var/lib/apt/lists/*\n',
      [],
    ],
    [
      'microdnf cache is /var/cache/yum',
      'PackageCacheNotCleaned',
      'FROM ubi9\nRUN microdnf install -y httpd && rm -rf /var/cache/dnf\n',
      ['1:4-1:20'],
    ],
    [
      'microdnf cache removed',
      'PackageCacheNotCleaned',
      'FROM ubi9\nRUN microdnf install -y httpd && rm -rf /var/cache/yum\n',
      [],
    ],
    [
      'dnf5 cache is /var/cache/libdnf5',
      'PackageCacheNotCleaned',
      'FROM fedora:41\nRUN dnf5 install -y httpd && rm -rf /var/cache/dnf\n',
      ['1:4-1:16'],
    ],
    [
      'dnf5 cache removed',
      'PackageCacheNotCleaned',
      'FROM fedora:41\nRUN dnf5 install -y httpd && rm -rf /var/cache/libdnf5\n',
      [],
    ],
    [
      'clean before the install does not clean it',
      'PackageCacheNotCleaned',
      'FROM fedora:40\nRUN dnf clean all && dnf in -y httpd\n',
      ['1:21-1:27'],
    ],
    [
      'apt lists removed before the update',
      'AptListsNotCleaned',
      'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update\n',
      ['1:35-1:49'],
    ],
    [
      'apk index removed before the add',
      'ApkAddWithoutNoCache',
      'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add curl\n',
      ['1:31-1:38'],
    ],
    [
      'apk index removed after the add',
      'ApkAddWithoutNoCache',
      'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n',
      [],
    ],
    [
      'export PIP_NO_CACHE_DIR',
      'PipInstallWithoutNoCacheDir',
      'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n',
      [],
    ],
    [
      'export after the install',
      'PipInstallWithoutNoCacheDir',
      'FROM python:3.12\nRUN pip install flask && export PIP_NO_CACHE_DIR=1\n',
      ['1:4-1:15'],
    ],
    [
      'pip cache removed before the install',
      'PipInstallWithoutNoCacheDir',
      'FROM python:3.12\nRUN rm -rf /root/.cache && pip install flask\n',
      ['1:27-1:38'],
    ],
    [
      'pip cache removed after the install',
      'PipInstallWithoutNoCacheDir',
      'FROM python:3.12\nRUN pip install flask && rm -rf /root/.cache\n',
      [],
    ],
    [
      'PIP_NO_CACHE_DIR prefix',
      'PipInstallWithoutNoCacheDir',
      'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n',
      [],
    ],
    [
      'pip option values are not packages',
      'UnpinnedPackageVersion',
      'FROM python:3.12\nRUN pip install --root-user-action ignore -i https://x/simple --target /d -r req.txt a==1\n',
      [],
    ],
    [
      'pip -r with a bare name',
      'UnpinnedPackageVersion',
      'FROM python:3.12\nRUN pip install -r req.txt flask\n',
      ['1:27-1:32'],
    ],
    [
      'unpinned VCS URL',
      'UnpinnedPackageVersion',
      'FROM python:3.12\nRUN pip install git+https://git@github.com/a/b.git\n',
      ['1:16-1:50'],
    ],
    [
      'pinned VCS URL',
      'UnpinnedPackageVersion',
      'FROM python:3.12\nRUN pip install git+https://github.com/a/b.git@v1.2\n',
      [],
    ],
    ['pipx install', 'UnpinnedPackageVersion', 'FROM python:3.12\nRUN pipx install black\n', ['1:17-1:22']],
    ['pipx pinned', 'UnpinnedPackageVersion', 'FROM python:3.12\nRUN pipx install black==24.1.0\n', []],
    ['npm scoped', 'UnpinnedPackageVersion', 'FROM node:22\nRUN npm i -g @angular/cli\n', ['1:13-1:25']],
    ['npm scoped pinned', 'UnpinnedPackageVersion', 'FROM node:22\nRUN npm i -g @angular/cli@18.2.0\n', []],
    ['npm @latest', 'UnpinnedPackageVersion', 'FROM node:22\nRUN npm install -g npm@latest\n', ['1:19-1:29']],
    ['gem', 'UnpinnedPackageVersion', 'FROM ruby:3.3\nRUN gem install bundler\n', ['1:16-1:23']],
    ['gem -v', 'UnpinnedPackageVersion', 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.0\n', []],
    ['gem name:version', 'UnpinnedPackageVersion', 'FROM ruby:3.3\nRUN gem install bundler:2.5.0\n', []],
    ['go install local', 'UnpinnedPackageVersion', 'FROM golang:1.23\nRUN go install ./cmd/...\n', []],
    [
      'go install without version',
      'UnpinnedPackageVersion',
      'FROM golang:1.23\nRUN go install example.com/x\n',
      ['1:15-1:28'],
    ],
    ['dnf name', 'UnpinnedPackageVersion', 'FROM fedora:40\nRUN dnf install -y python3-devel\n', ['1:19-1:32']],
    [
      'dnf name-version',
      'UnpinnedPackageVersion',
      'FROM fedora:40\nRUN dnf install -y python3-devel-3.12.4-1.fc40\n',
      [],
    ],
    [
      'go flags with values are not packages',
      'UnpinnedPackageVersion',
      'FROM golang:1.23\nRUN go install -tags netgo -ldflags "-s -w" example.com/x@v1.2.3\n',
      [],
    ],
    [
      'dnf name ending in a number',
      'UnpinnedPackageVersion',
      'FROM fedora:40\nRUN dnf install -y java-17-openjdk\n',
      ['1:19-1:34'],
    ],
    [
      'dnf version-release',
      'UnpinnedPackageVersion',
      'FROM fedora:40\nRUN dnf install -y java-17-openjdk-17.0.9.0.9-3.fc40\n',
      [],
    ],
    ['yum group', 'UnpinnedPackageVersion', 'FROM centos:7\nRUN yum install -y @development\n', []],
    ['zypper', 'UnpinnedPackageVersion', 'FROM opensuse/leap:15\nRUN zypper -n in curl\n', ['1:17-1:21']],
    ['zypper pinned', 'UnpinnedPackageVersion', 'FROM opensuse/leap:15\nRUN zypper -n in curl=8.0\n', []],
  ];
  for (const [name, code, text, expected] of cases)
    test(`${code}: ${name}`, () => assert.deepEqual(ranges(text, code), expected, text));
});

test('a skip comment above an ONBUILD silences what its RUN trigger finds', () => {
  const text = 'FROM debian:12\n# check=skip=AptListsNotCleaned\nONBUILD RUN apt-get update\n';
  assert.deepEqual(ranges(text, 'AptListsNotCleaned'), []);
  assert.deepEqual(ranges(text.replace('# check=skip=AptListsNotCleaned\n', ''), 'AptListsNotCleaned'), ['1:12-1:26']);
});
