// Every best-practice rule: a case that fires (with its exact range) and near misses that must not.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parseText } from '../../core/src/parser';
import { RULES, type RuleSettings } from '../../core/src/rules';
import { BEST_PRACTICE_RULES } from '../../core/src/rules/bestPractice';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import { DiagnosticsEngine } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../core/src/engine/settings';
import { initShellParser } from '../../core/src/shell';
import { corpusFiles } from '../helpers/corpus';
import { runRule } from '../helpers/ruleHarness';
import { showRange } from '../helpers/show';

before(() => initShellParser());

function findings(code: string, text: string, settings: Partial<RuleSettings> = {}): string[] {
  const rule = RULES.find((r) => r.code === code);
  assert.ok(rule, `no rule ${code}`);
  const found = runRule(rule, text, undefined, settings);
  for (const finding of found) assert.ok(finding.message.en.length > 0 && finding.message.ko.length > 0);
  return found.map((f) => showRange(f.range));
}

interface Case {
  code: string;
  fires: [text: string, ranges: string[]][];
  quiet: string[];
  /** What the user set for rules that need it (registries, a label schema). */
  settings?: Partial<RuleSettings>;
}

const CASES: Case[] = [
  // Rules that act only on what the user sets.
  {
    code: 'DisallowedRegistry',
    settings: { allowedRegistries: ['docker.io'] },
    fires: [['FROM ghcr.io/acme/app:1\n', ['0:5-0:23']]],
    quiet: ['FROM alpine:3.20\n', 'FROM docker.io/library/alpine:3.20\n'],
  },
  {
    code: 'MissingSchemaLabel',
    settings: { labelSchema: { author: 'text' } },
    fires: [['FROM alpine:3.20\n', ['0:0-0:16']]],
    quiet: ['FROM alpine:3.20\nLABEL author="me"\n'],
  },
  {
    code: 'LabelValueType',
    settings: { labelSchema: { homepage: 'url' } },
    fires: [['FROM alpine:3.20\nLABEL homepage="not a url"\n', ['1:15-1:26']]],
    quiet: ['FROM alpine:3.20\nLABEL homepage="https://example.com"\n'],
  },
  {
    code: 'UnknownLabel',
    settings: { labelSchema: { author: 'text' }, strictLabels: true },
    fires: [['FROM alpine:3.20\nLABEL author="me" team="x"\n', ['1:18-1:22']]],
    quiet: ['FROM alpine:3.20\nLABEL author="me"\n'],
  },
  // Issue 16, part 2a (each has its own test file as well).
  {
    code: 'EnvUsesSameEnvName',
    fires: [['FROM alpine:3.20\nENV A=1 B=$A', ['1:10-1:12']]],
    quiet: ['FROM alpine:3.20\nENV A=1\nENV B=$A'],
  },
  {
    code: 'UseraddHighUidWithoutNoLogInit',
    fires: [['FROM debian:12\nRUN useradd -u 1000000 app', ['1:4-1:11']]],
    quiet: ['FROM debian:12\nRUN useradd -l -u 1000000 app'],
  },
  {
    code: 'SymlinkReplacesBinSh',
    fires: [['FROM debian:12\nRUN ln -sf /bin/bash /bin/sh', ['1:4-1:28']]],
    quiet: ['FROM debian:12\nRUN ln -sf /bin/sh /usr/local/bin/sh'],
  },
  {
    code: 'YarnCacheNotCleaned',
    fires: [['FROM node:22\nRUN yarn install', ['1:4-1:16']]],
    quiet: ['FROM node:22\nRUN yarn install && yarn cache clean'],
  },
  {
    code: 'NonNumericUser',
    fires: [['FROM debian:12\nUSER app', ['1:5-1:8']]],
    quiet: ['FROM debian:12\nUSER 10001'],
  },
  {
    code: 'LabelKeyFormat',
    fires: [['FROM alpine:3.20\nLABEL io.docker.x=1', ['1:6-1:17']]],
    quiet: ['FROM alpine:3.20\nLABEL com.example.x=1'],
  },
  {
    code: 'MissingHealthcheck',
    fires: [['FROM nginx:1.27\nEXPOSE 80', ['0:0-0:15']]],
    quiet: ['FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK NONE'],
  },
  {
    code: 'InteractiveCommandInRun',
    fires: [['FROM debian:12\nRUN vim /etc/hosts', ['1:4-1:7']]],
    quiet: ['FROM debian:12\nRUN vim --version'],
  },
  {
    code: 'WgetWithoutProgress',
    fires: [['FROM debian:12\nRUN wget -O app.tgz "$url"', ['1:4-1:8']]],
    quiet: ['FROM debian:12\nRUN wget -nv -O app.tgz "$url"', 'FROM alpine:3.20\nRUN wget -O app.tgz "$url"'],
  },
  {
    code: 'ArchiveCopiedThenExtracted',
    fires: [['FROM debian:12\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz', ['1:5-1:12']]],
    quiet: ['FROM debian:12\nADD app.tgz /opt/'],
  },
  {
    code: 'CopyWholeStageRoot',
    fires: [['FROM golang:1.23 AS build\nFROM debian:12\nCOPY --from=build / /', ['2:18-2:19']]],
    quiet: ['FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /'],
  },
  {
    code: 'SystemUpgradeInRun',
    fires: [['FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade', ['1:22-1:45']]],
    quiet: ['FROM debian:12\nRUN apt-get update && apt-get install -y --only-upgrade openssl'],
  },
  // Issue 16, part 2b (each has its own test file as well).
  {
    code: 'UnverifiedRemoteScript',
    fires: [['FROM debian:12\nRUN curl -fsSL https://get.example.com | sh', ['1:4-1:43']]],
    quiet: ['FROM debian:12\nRUN curl -fsSL https://example.com/a.tgz | tar -xz'],
  },
  {
    code: 'WorldWritablePermissions',
    fires: [['FROM debian:12\nRUN chmod 777 /app', ['1:4-1:13']]],
    quiet: ['FROM debian:12\nRUN chmod 1777 /var/cache/app'],
  },
  {
    code: 'BashSyntaxInSh',
    fires: [['FROM debian:12\nRUN source /etc/os-release', ['1:4-1:10']]],
    quiet: ['FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN source /etc/os-release'],
  },
  {
    code: 'CurlWithoutFail',
    fires: [['FROM debian:12\nRUN curl -sSLO https://example.com/a.tgz', ['1:4-1:8']]],
    quiet: ['FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz'],
  },
  {
    code: 'NpmInstallWithLockfile',
    fires: [['FROM node:22\nCOPY package*.json ./\nRUN npm install', ['2:4-2:15']]],
    quiet: ['FROM node:22\nCOPY package*.json ./\nRUN npm ci'],
  },
  {
    code: 'FinalStageWithoutUser',
    fires: [
      ['FROM debian:12\nCMD ["bash"]', ['0:0-0:14']],
      // distroless :latest runs as user 0 (its recorded config), whatever its name says.
      ['FROM gcr.io/distroless/static-debian12:latest\nCOPY app /app', ['0:0-0:45']],
    ],
    quiet: [
      'FROM debian:12\nUSER 1000\nCMD ["bash"]',
      // The image's config runs as a non-root user: 65532, rootless.
      'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app',
      'FROM docker:dind-rootless\nCOPY app /app',
    ],
  },
  {
    code: 'EntrypointResetsCmd',
    fires: [
      ['FROM node:22\nENTRYPOINT ["/app/start.sh"]', ['1:0-1:28']],
      ['FROM nginx:stable\nENTRYPOINT /start.sh', ['1:0-1:20']],
      ['FROM scratch AS base\nCMD ["/serve"]\nFROM base\nENTRYPOINT ["/init"]', ['3:0-3:20']],
    ],
    quiet: [
      'FROM node:22\nENTRYPOINT ["/app/start.sh"]\nCMD ["node"]',
      'FROM node:22\nCMD ["server.js"]\nENTRYPOINT ["node"]',
      'FROM gcr.io/distroless/static-debian12:nonroot\nENTRYPOINT ["/app"]',
      'FROM example.com/unknown:1\nENTRYPOINT ["/app"]',
      'FROM scratch\nENTRYPOINT ["/app"]',
      'FROM docker:29-dind\nENTRYPOINT ["/x"]',
    ],
  },
  {
    code: 'AptGetInstallWithoutYes',
    fires: [
      ['FROM debian:12\nRUN apt-get update && apt-get install curl', ['1:22-1:37']],
      ['FROM debian:12\nRUN if [ -n "$X" ]; then apt-get purge curl; fi', ['1:25-1:38']],
    ],
    quiet: [
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
      'FROM debian:12\nRUN apt-get -qq install curl',
      'FROM debian:12\nRUN apt-get install --assume-yes curl',
      'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl',
      'FROM debian:12\nRUN apt-get install -s curl',
      'FROM debian:12\nRUN yes | apt-get install curl',
      'FROM debian:12\nRUN apt-get update',
      'FROM debian:12\nRUN echo "apt-get install curl"',
    ],
  },
  {
    code: 'AptGetInstallWithoutNoInstallRecommends',
    fires: [
      ['FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', ['1:22-1:37']],
      // A setting written later does not cover an install before it.
      [
        'FROM debian:12\nRUN apt-get install -y curl\n' +
          'RUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/no-rec',
        ['1:4-1:19'],
      ],
    ],
    quiet: [
      'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl',
      'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl',
      'FROM debian:12\n' +
        'RUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/no-rec && apt-get install -y curl',
      // Configured once by an earlier RUN, a COPY heredoc or a stage this one builds on.
      'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/no-rec\n' +
        'RUN apt-get install -y curl',
      'FROM debian:12\nCOPY <<EOF /etc/apt/apt.conf.d/99norecommends\nAPT::Install-Recommends "0";\nEOF\n' +
        'RUN apt-get install -y curl',
      'FROM debian:12 AS base\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/no-rec\n' +
        'FROM base\nRUN apt-get install -y curl',
      'FROM debian:12\nRUN if apt-get install -s "x" > /dev/null; then echo ok; fi',
      // A builder stage that is not part of the final image.
      'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /x /x',
    ],
  },
  {
    code: 'AptListsNotCleaned',
    fires: [['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl', ['1:4-1:18']]],
    quiet: [
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      'FROM debian:12\n' +
        'RUN set -eux; apt-get update; if true; then apt-get install -y curl; fi; rm -rf /var/lib/apt/lists/*',
      'FROM debian:13\nRUN set -eux; apt-get update; apt-get install -y curl; apt-get dist-clean',
      'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl',
      'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /x /x',
    ],
  },
  {
    code: 'AptInsteadOfAptGet',
    fires: [['FROM debian:12\nRUN apt update && apt full-upgrade -y', ['1:4-1:14', '1:18-1:34']]],
    quiet: [
      'FROM debian:12\nRUN apt-get update',
      'FROM debian:12\nRUN apt list --installed',
      'FROM debian:12\nRUN apt-cache policy curl',
    ],
  },
  {
    code: 'ApkAddWithoutNoCache',
    fires: [['FROM alpine:3.20\nRUN apk add curl', ['1:4-1:11']]],
    quiet: [
      'FROM alpine:3.20\nRUN apk add --no-cache curl',
      'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $deps',
      'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl',
      'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*',
      'FROM alpine:3.20\nRUN apk del curl',
    ],
  },
  {
    code: 'PipInstallWithoutNoCacheDir',
    fires: [
      ['FROM python:3.12\nRUN pip install requests', ['1:4-1:15']],
      ['FROM python:3.12\nRUN python3 -m pip install -U pip', ['1:4-1:26']],
    ],
    quiet: [
      'FROM python:3.12\nRUN pip install --no-cache-dir requests',
      'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install requests',
      'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install requests',
      'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install requests',
      'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install requests',
      'FROM python:3.12\nRUN pip install requests && rm -rf /root/.cache',
      'FROM python:3.12\nRUN pip uninstall -y requests',
    ],
  },
  {
    code: 'YumInstallWithoutYes',
    fires: [['FROM fedora:40\nRUN dnf install httpd && dnf clean all', ['1:4-1:15']]],
    quiet: [
      'FROM fedora:40\nRUN dnf install -y httpd',
      'FROM fedora:40\nRUN yum --assumeyes install httpd',
      'FROM fedora:40\nRUN dnf clean all',
      'FROM fedora:40\nRUN microdnf install -y httpd',
    ],
  },
  {
    code: 'ZypperWithoutNonInteractive',
    fires: [['FROM opensuse/leap:15\nRUN zypper install curl', ['1:4-1:18']]],
    quiet: [
      'FROM opensuse/leap:15\nRUN zypper -n install curl',
      'FROM opensuse/leap:15\nRUN zypper --non-interactive in curl',
      'FROM opensuse/leap:15\nRUN zypper install -y curl',
      'FROM opensuse/leap:15\nRUN zypper search curl',
    ],
  },
  {
    code: 'PackageCacheNotCleaned',
    fires: [['FROM fedora:40\nRUN dnf install -y httpd', ['1:4-1:15']]],
    quiet: [
      'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
      'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum',
      'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd',
      'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /x /x',
    ],
  },
  {
    code: 'UnpinnedPackageVersion',
    fires: [
      [
        'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 wget && pip install flask "django==5.0"',
        ['1:38-1:42', '1:58-1:63'],
      ],
    ],
    quiet: [
      'FROM debian:12\nRUN pip install -r requirements.txt',
      'FROM debian:12\nRUN pip install ./dist/app-1.0-py3-none-any.whl',
      'FROM debian:12\nRUN apt-get install -y ./pkg.deb',
      'FROM alpine:3\nRUN apk add --no-cache curl=8.5.0-r0',
    ],
  },
  {
    code: 'SudoInRun',
    fires: [['FROM debian:12\nRUN sudo apt-get update', ['1:4-1:8']]],
    quiet: ['FROM debian:12\nRUN apt-get install -y sudo', 'FROM debian:12\nRUN echo sudo'],
  },
  {
    code: 'CdInsteadOfWorkdir',
    fires: [
      ['FROM node:20\nRUN cd /app && npm ci', ['1:4-1:11']],
      ['FROM node:20\nRUN npm ci && cd /app', ['1:14-1:21']],
    ],
    quiet: [
      'FROM node:20\nRUN (cd /app && npm ci)',
      'FROM node:20\nRUN set -eux; tmp="$(mktemp -d)"; cd "$tmp"; make; cd /; rm -rf "$tmp"',
      'FROM node:20\nRUN set -eux; make; cd /usr/src/x; make install; cd /; rm -rf /usr/src/x',
      'FROM node:20\nRUN if [ -d /x ]; then cd /x; fi',
    ],
  },
  {
    code: 'ServerStartedInRun',
    fires: [
      ['FROM node:22\nRUN npm ci && npm start', ['1:14-1:23']],
      ['FROM nginx:1.27\nRUN service nginx start', ['1:4-1:23']],
    ],
    quiet: [
      'FROM node:22\nRUN npm run build',
      'FROM python:3.13\nRUN python manage.py collectstatic --noinput',
      'FROM mysql:8.4\nRUN service mysql start && mysql < /schema.sql',
    ],
  },
  {
    code: 'PipeWithoutPipefail',
    fires: [
      ['FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh', ['1:4-1:50']],
      ['FROM debian:12\nRUN set -eux; make 2>&1 | tee build.log', ['1:14-1:39']],
    ],
    quiet: [
      'FROM debian:12\nRUN set -eo pipefail; curl -fsSL https://example.com/install.sh | sh',
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | sh',
      'FROM debian:12 AS base\nSHELL ["/bin/bash", "-euo", "pipefail", "-c"]\n' +
        'FROM base\nRUN curl -fsSL https://example.com/install.sh | sh',
      'FROM debian:12\nRUN echo "$SHA  file.tgz" | sha256sum -c -',
      'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar -xz',
      'FROM debian:12\nRUN find / -exec ldd {} \\; | sort -u | xargs -r apt-mark manual',
      'FROM debian:12\nRUN arch="$(dpkg --print-architecture | cut -d- -f2)"',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n' +
        'SHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name',
    ],
  },
  {
    code: 'CurlAndWget',
    fires: [['FROM debian:12\nRUN curl -fsSLO https://a/x\nRUN wget https://a/y', ['2:4-2:8']]],
    quiet: [
      'FROM debian:12\nRUN curl -fsSLO https://a/x\nFROM debian:12\nRUN wget https://a/y',
      'FROM debian:12\nRUN if command -v curl; then curl -O https://a/x; else wget https://a/x; fi',
      'FROM debian:12\nRUN curl -O https://a/x || wget https://a/x',
    ],
  },
  {
    code: 'AddInsteadOfCopy',
    fires: [['FROM debian:12\nADD --chown=1000 app.py config.json /app/', ['1:0-1:3']]],
    quiet: [
      'FROM debian:12\nADD rootfs.tar.xz /',
      'FROM debian:12\nADD --checksum=sha256:abc https://example.com/app.py /app/',
      'FROM debian:12\nADD https://example.com/app.py /app/',
      'FROM debian:12\nADD release /opt/',
      'FROM debian:12\nADD $FILE /opt/',
      'FROM debian:12\nCOPY app.py /app/',
    ],
  },
  {
    code: 'BaseImageLatestTag',
    fires: [
      ['FROM ubuntu\nRUN true', ['0:5-0:11']],
      ['FROM registry:5000/team/app:latest AS app', ['0:5-0:34']],
    ],
    quiet: [
      'FROM scratch',
      'FROM ubuntu:24.04 AS base\nFROM base',
      'FROM ubuntu@sha256:0000000000000000000000000000000000000000000000000000000000000000',
      'ARG BASE=ubuntu:24.04\nFROM ${BASE}',
      'ARG BASE\nFROM ${BASE}',
    ],
  },
  {
    code: 'FinalStageUserRoot',
    fires: [['FROM debian:12\nUSER app\nRUN true\nUSER root', ['3:5-3:9']]],
    quiet: [
      'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app',
      'FROM debian:12 AS build\nUSER root\nFROM debian:12\nUSER app',
      'FROM debian:12\nUSER rooty',
    ],
  },
  {
    code: 'CopyRelativeWithoutWorkdir',
    fires: [['FROM node:20\nCOPY package.json app/', ['1:18-1:22']]],
    quiet: [
      'FROM node:20\nWORKDIR /app\nCOPY package.json ./',
      'FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY package.json .',
      'FROM node:20\nCOPY package.json /app/',
      'FROM node:20\nCOPY package.json $APP_HOME/',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:/app/',
    ],
  },
  {
    code: 'ConsecutiveRunInstructions',
    fires: [['FROM debian:12\nRUN mkdir /app\nRUN chown 1000 /app', ['2:0-2:3']]],
    quiet: [
      'FROM debian:12\nRUN mkdir /app\n# owned by the app user\nRUN chown 1000 /app',
      'FROM debian:12\nRUN mkdir /app\nRUN --mount=type=cache,target=/root/.cache make',
      'FROM debian:12\nRUN set -eux; apt-get update; apt-get install -y gcc; rm -rf /var/lib/apt/lists/*\n' +
        'RUN mkdir /app',
      'FROM debian:12\nRUN mkdir /app\nWORKDIR /app\nRUN touch x',
    ],
  },
];

describe('best-practice rules', () => {
  for (const { code, fires, quiet, settings } of CASES) {
    test(`${code} fires with exact ranges`, () => {
      for (const [text, ranges] of fires) assert.deepEqual(findings(code, text, settings), ranges, text);
    });
    test(`${code} stays quiet on near misses`, () => {
      for (const text of quiet) assert.deepEqual(findings(code, text, settings), [], text);
    });
  }

  test('no rule that is on by default fires on the official corpus (they are all reviewed)', () => {
    const hits: string[] = [];
    const engine = new DiagnosticsEngine(BEST_PRACTICE_RULES);
    for (const file of corpusFiles()) {
      const document = new AnalysedDocument(file.path, 1, file.text, parseText(file.text));
      for (const { rule, finding } of engine.findings(document, defaultSettings(), undefined))
        hits.push(`${file.name} ${rule.code}@${showRange(finding.range)}`);
    }
    assert.deepEqual(hits, []);
  });

  test('every best-practice rule has a case here', () => {
    const covered = new Set(CASES.map((c) => c.code));
    assert.deepEqual(
      BEST_PRACTICE_RULES.map((r) => r.code).filter((c) => !covered.has(c)),
      [],
    );
  });
});
