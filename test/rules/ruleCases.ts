// One case that fires (with the exact range of its first finding) and one near miss that must
// not fire, for every rule. Shared by the rule tests and the coverage check.
import type { RuleSeverity } from '../../core/src/engine/settings';

export interface RuleCase {
  code: string;
  fires: string;
  range: string;
  nearMiss: string;
  rules?: Record<string, RuleSeverity>;
}

export const RULE_CASES: readonly RuleCase[] = [
  // Builder errors
  {
    code: 'unknown-flag',
    fires: 'FROM alpine\nCOPY --form=build /a /b\n',
    range: '1:7-1:11',
    nearMiss: 'FROM alpine\nCOPY --from=build /a /b\n',
  },
  {
    code: 'duplicate-flag',
    fires: 'FROM alpine\nCOPY --chown=1 --chown=2 a /b\n',
    range: '1:15-1:24',
    nearMiss: 'FROM alpine\nCOPY --exclude=a --exclude=b . /b\n',
  },
  {
    code: 'invalid-flag-value',
    fires: 'FROM alpine\nHEALTHCHECK --interval=5 CMD true\n',
    range: '1:23-1:24',
    nearMiss: 'FROM alpine\nHEALTHCHECK --interval=5s --retries=3 CMD true\n',
  },
  {
    code: 'invalid-mount',
    fires: 'FROM alpine\nRUN --mount=type=cache,target=/c,size=1g true\n',
    range: '1:12-1:40',
    nearMiss: 'FROM alpine\nRUN --mount=type=tmpfs,target=/c,size=1g true\n',
  },
  {
    code: 'invalid-healthcheck',
    fires: 'FROM alpine\nHEALTHCHECK RUN true\n',
    range: '1:12-1:15',
    nearMiss: 'FROM alpine\nHEALTHCHECK cmd true\n',
  },
  {
    code: 'invalid-port',
    fires: 'FROM alpine\nEXPOSE 80 70000\n',
    range: '1:10-1:15',
    nearMiss: 'FROM alpine\nEXPOSE 80 65535/udp 8000-8010\n',
  },
  {
    code: 'invalid-stage-name',
    fires: 'FROM alpine AS 1st\n',
    range: '0:15-0:18',
    nearMiss: 'FROM alpine AS first-1.x_y\n',
  },
  {
    code: 'invalid-image-reference',
    fires: 'FROM alpine:3.20:x\n',
    range: '0:5-0:18',
    nearMiss:
      'FROM registry.example.com:5000/team/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
  },
  {
    code: 'instruction-before-from',
    fires: 'ENV A=1\nFROM alpine\n',
    range: '0:0-0:3',
    nearMiss: 'ARG A=1\nFROM alpine\n',
  },
  { code: 'no-build-stage', fires: 'ARG A=1\n', range: '0:0-0:3', nearMiss: 'ARG A=1\nFROM alpine\n' },
  {
    code: 'invalid-check-directive',
    fires: '# check=skip\nFROM alpine\n',
    range: '0:8-0:12',
    nearMiss: '# check=skip=all;error=true\nFROM alpine\n',
  },
  {
    code: 'copy-destination-not-directory',
    fires: 'FROM alpine\nCOPY a b /dest\n',
    range: '1:9-1:14',
    nearMiss: 'FROM alpine\nCOPY a b /dest/\nCOPY a b .\n',
  },
  {
    code: 'stage-dependency-cycle',
    fires: 'FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nCOPY --from=a /y /y\n',
    range: '1:5-1:13',
    nearMiss: 'FROM alpine AS a\nFROM alpine AS b\nCOPY --from=a /y /y\nFROM alpine\nCOPY --from=b /z /z\n',
  },
  {
    code: 'copy-from-own-stage',
    fires: 'FROM alpine AS build\nCOPY --from=build /a /b\n',
    range: '1:12-1:17',
    nearMiss: 'FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /b\n',
  },
  // BuildKit build checks
  {
    code: 'ConsistentInstructionCasing',
    fires: 'FROM alpine\nrun true\nCMD ["a"]\n',
    range: '1:0-1:3',
    nearMiss: 'from alpine\nrun true\n',
  },
  {
    code: 'CopyIgnoredFile',
    fires: 'FROM alpine\nCOPY secret.txt /\n',
    range: '1:5-1:15',
    nearMiss: 'FROM alpine\nCOPY --from=other secret.txt /\nCOPY app.txt /\n',
  },
  {
    code: 'DuplicateStageName',
    fires: 'FROM alpine AS base\nFROM alpine AS Base\n',
    range: '1:15-1:19',
    nearMiss: 'FROM alpine AS base\nFROM alpine AS base2\n',
  },
  {
    code: 'ExposeInvalidFormat',
    fires: 'FROM alpine\nEXPOSE 127.0.0.1:80:80\n',
    range: '1:7-1:22',
    nearMiss: 'FROM alpine\nEXPOSE ${PORT:-80}\n',
  },
  {
    code: 'ExposeProtoCasing',
    fires: 'FROM alpine\nEXPOSE 80/TCP\n',
    range: '1:7-1:13',
    nearMiss: 'FROM alpine\nEXPOSE 80/tcp\n',
  },
  { code: 'FromAsCasing', fires: 'FROM alpine as build\n', range: '0:12-0:14', nearMiss: 'from alpine as build\n' },
  {
    code: 'FromPlatformFlagConstDisallowed',
    fires: 'FROM --platform=linux/amd64 alpine AS build\n',
    range: '0:5-0:27',
    nearMiss: 'FROM --platform=linux/amd64 alpine AS build-amd64\nFROM --platform=$BUILDPLATFORM alpine\n',
  },
  {
    code: 'InvalidDefaultArgInFrom',
    fires: 'ARG TAG\nFROM alpine:${TAG}\n',
    range: '1:5-1:18',
    nearMiss: 'ARG TAG=3.20\nFROM alpine:${TAG}\n',
  },
  {
    code: 'InvalidDefinitionDescription',
    fires: '# the base stage\nFROM alpine AS base\n',
    range: '0:0-0:16',
    nearMiss: '# base is the base stage\nFROM alpine AS base\n# not a description\n\nARG VERSION=1\n',
    rules: { InvalidDefinitionDescription: 'warning' },
  },
  {
    code: 'JSONArgsRecommended',
    fires: 'FROM alpine\nCMD node server.js\n',
    range: '1:4-1:18',
    nearMiss: 'FROM alpine\nSHELL ["/bin/bash", "-c"]\nCMD node server.js\nENTRYPOINT ["node"]\n',
  },
  {
    code: 'LegacyKeyValueFormat',
    fires: 'FROM alpine\nENV A 1\n',
    range: '1:4-1:7',
    nearMiss: 'FROM alpine\nENV A=1\nLABEL a="b c"\n',
  },
  {
    code: 'MaintainerDeprecated',
    fires: 'FROM alpine\nMAINTAINER me@example.com\n',
    range: '1:0-1:10',
    nearMiss: 'FROM alpine\nLABEL org.opencontainers.image.authors="me@example.com"\n',
  },
  {
    code: 'MultipleInstructionsDisallowed',
    fires: 'FROM alpine\nCMD ["a"]\nCMD ["b"]\n',
    range: '1:0-1:3',
    nearMiss: 'FROM alpine\nCMD ["a"]\nFROM alpine\nCMD ["b"]\n',
  },
  {
    code: 'NoEmptyContinuation',
    fires: 'FROM alpine\nRUN echo a \\\n\n  && echo b\n',
    range: '2:0-2:0',
    nearMiss: 'FROM alpine\nRUN echo a \\\n# comment\n  && echo b\n',
  },
  {
    code: 'RedundantTargetPlatform',
    fires: 'FROM --platform=$TARGETPLATFORM alpine\n',
    range: '0:5-0:31',
    nearMiss: 'FROM --platform=$BUILDPLATFORM alpine\n',
  },
  {
    code: 'ReservedStageName',
    fires: 'FROM alpine AS scratch\n',
    range: '0:15-0:22',
    nearMiss: 'FROM alpine AS scratch2\n',
  },
  {
    code: 'SecretsUsedInArgOrEnv',
    fires: 'FROM alpine\nARG GITHUB_TOKEN\n',
    range: '1:4-1:16',
    nearMiss: 'FROM alpine\nARG PUBLIC_KEY\nENV GPG_KEY=A1B2\nARG TOKENIZER=x\n',
  },
  { code: 'StageNameCasing', fires: 'FROM alpine AS Build\n', range: '0:15-0:20', nearMiss: 'FROM alpine AS build\n' },
  {
    code: 'UndefinedArgInFrom',
    fires: 'ARG VERSION=1\nFROM alpine:${VERSON}\n',
    range: '1:12-1:21',
    nearMiss: 'ARG VERSION=1\nFROM --platform=$BUILDPLATFORM alpine:${VERSION}\n',
  },
  {
    code: 'UndefinedVar',
    fires: 'FROM scratch\nCOPY $SRC /\n',
    range: '1:5-1:9',
    nearMiss: 'FROM scratch\nARG SRC\nCOPY $SRC ${DEST:-/} \nRUN echo $UNSET\nENV PATH=$PATH:/x\n',
  },
  {
    code: 'WorkdirRelativePath',
    fires: 'FROM alpine\nWORKDIR app\n',
    range: '1:8-1:11',
    nearMiss: 'FROM alpine AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n',
  },
  // Best practice, reading RUN as shell (more cases in bestPractice.test.ts)
  {
    code: 'AptGetInstallWithoutYes',
    fires: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
    range: '1:22-1:37',
    nearMiss: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
  },
  {
    code: 'AptGetInstallWithoutNoInstallRecommends',
    fires: 'FROM debian:12\nRUN apt-get install -y curl\n',
    range: '1:4-1:19',
    nearMiss: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
  },
  {
    code: 'AptListsNotCleaned',
    fires: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    range: '1:4-1:18',
    nearMiss: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    code: 'AptInsteadOfAptGet',
    fires: 'FROM debian:12\nRUN apt install -y curl\n',
    range: '1:4-1:15',
    nearMiss: 'FROM debian:12\nRUN apt list --installed\n',
  },
  {
    code: 'ApkAddWithoutNoCache',
    fires: 'FROM alpine:3.20\nRUN apk add curl\n',
    range: '1:4-1:11',
    nearMiss: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
  },
  {
    code: 'PipInstallWithoutNoCacheDir',
    fires: 'FROM python:3.12\nRUN pip install flask\n',
    range: '1:4-1:15',
    nearMiss: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
  },
  {
    code: 'YumInstallWithoutYes',
    fires: 'FROM fedora:40\nRUN dnf install httpd && dnf clean all\n',
    range: '1:4-1:15',
    nearMiss: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
  },
  {
    code: 'ZypperWithoutNonInteractive',
    fires: 'FROM opensuse/leap:15\nRUN zypper install curl\n',
    range: '1:4-1:18',
    nearMiss: 'FROM opensuse/leap:15\nRUN zypper -n install curl\n',
  },
  {
    code: 'PackageCacheNotCleaned',
    fires: 'FROM fedora:40\nRUN dnf install -y httpd\n',
    range: '1:4-1:15',
    nearMiss: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
  },
  {
    code: 'UnpinnedPackageVersion',
    fires: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
    range: '1:31-1:36',
    nearMiss: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.0\n',
    rules: { UnpinnedPackageVersion: 'info' },
  },
  {
    code: 'SudoInRun',
    fires: 'FROM debian:12\nRUN sudo make install\n',
    range: '1:4-1:8',
    nearMiss: 'FROM debian:12\nRUN make install\n',
  },
  {
    code: 'CdInsteadOfWorkdir',
    fires: 'FROM node:20\nRUN cd /app && npm ci\n',
    range: '1:4-1:11',
    nearMiss: 'FROM node:20\nRUN (cd /app && npm ci)\n',
  },
  {
    code: 'ServerStartedInRun',
    fires: 'FROM node:22\nRUN node server.js\n',
    range: '1:4-1:18',
    nearMiss: 'FROM node:22\nRUN node build.js\nCMD ["node", "server.js"]\n',
  },
  {
    code: 'PipeWithoutPipefail',
    fires: 'FROM debian:12\nRUN curl -fsSL https://example.com/i.sh | sh\n',
    range: '1:4-1:44',
    nearMiss:
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/i.sh | sh\n',
  },
  {
    code: 'CurlAndWget',
    fires: 'FROM debian:12\nRUN curl -O https://a/x\nRUN wget https://a/y\n',
    range: '2:4-2:8',
    nearMiss: 'FROM debian:12\nRUN curl -O https://a/x || wget https://a/x\n',
  },
  {
    code: 'AddInsteadOfCopy',
    fires: 'FROM debian:12\nADD app.py /app/\n',
    range: '1:0-1:3',
    nearMiss: 'FROM debian:12\nADD rootfs.tar.gz /\n',
  },
  { code: 'BaseImageLatestTag', fires: 'FROM ubuntu:latest\n', range: '0:5-0:18', nearMiss: 'FROM ubuntu:24.04\n' },
  {
    code: 'FinalStageUserRoot',
    fires: 'FROM debian:12\nUSER root\n',
    range: '1:5-1:9',
    nearMiss: 'FROM debian:12\nUSER root\nRUN true\nUSER 1000\n',
  },
  {
    code: 'CopyRelativeWithoutWorkdir',
    fires: 'FROM node:20\nCOPY package.json app/\n',
    range: '1:18-1:22',
    nearMiss: 'FROM node:20\nWORKDIR /app\nCOPY package.json app/\n',
  },
  {
    code: 'ConsecutiveRunInstructions',
    fires: 'FROM debian:12\nRUN mkdir /app\nRUN chown 1000 /app\n',
    range: '2:0-2:3',
    nearMiss: 'FROM debian:12\nRUN mkdir /app\n# keep ownership apart\nRUN chown 1000 /app\n',
  },
];
