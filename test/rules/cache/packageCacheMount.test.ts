import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowsCacheMounts, packageCacheMount } from '../../../core/src/rules/cache/packageCacheMount';
import { parseText } from '../../../core/src/parser';
import { fixed, ranges, runRule } from '../../helpers/ruleHarness';

const rule = packageCacheMount;

const fires: [string, string, string, string][] = [
  ['npm', 'FROM node\nRUN npm ci\n', '1:0-1:10', 'FROM node\nRUN --mount=type=cache,target=/root/.npm npm ci\n'],
  [
    'apt with sharing=locked',
    'FROM debian\nRUN apt-get update && apt-get install -y gcc\n',
    '1:0-1:44',
    'FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked ' +
      '--mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y gcc\n',
  ],
  [
    'go build: module and build caches',
    '# syntax=docker/dockerfile:1\nFROM golang\nRUN go build -o /app .\n',
    '2:0-2:22',
    '# syntax=docker/dockerfile:1\nFROM golang\n' +
      'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n',
  ],
  [
    'pip, maven and cargo in one RUN',
    'FROM x\nRUN pip install -r r.txt && mvn package && cargo build\n',
    '1:0-1:54',
    'FROM x\nRUN --mount=type=cache,target=/root/.cache/pip --mount=type=cache,target=/root/.m2 ' +
      '--mount=type=cache,target=/usr/local/cargo/registry pip install -r r.txt && mvn package && cargo build\n',
  ],
  [
    'gradle wrapper',
    'FROM eclipse-temurin\nRUN ./gradlew build\n',
    '1:0-1:19',
    'FROM eclipse-temurin\nRUN --mount=type=cache,target=/root/.gradle ./gradlew build\n',
  ],
  [
    'other mounts present',
    'FROM node\nRUN --mount=type=secret,id=npmrc npm ci\n',
    '1:0-1:39',
    'FROM node\nRUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npmrc npm ci\n',
  ],
];
for (const [name, text, range, after] of fires) {
  test(`fires: ${name}`, () => {
    const findings = runRule(rule, text);
    assert.deepEqual(ranges(findings), [range]);
    assert.equal(fixed(text, findings[0]), after);
  });
}

test('the apt message explains docker-clean', () => {
  assert.match(runRule(rule, 'FROM debian\nRUN apt-get install -y gcc\n')[0]!.message.en, /docker-clean/);
});

const nearMisses: [string, string][] = [
  ['cache mount present', 'FROM node\nRUN --mount=type=cache,target=/root/.npm npm ci\n'],
  [
    'a cache mount on a parent folder',
    'FROM python\nRUN --mount=type=cache,target=/root/.cache pip install -r r.txt\n',
  ],
  [
    'apt with its caches mounted',
    'FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked ' +
      '--mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y gcc\n',
  ],
  ['an old frontend pinned by # syntax', '# syntax=docker/dockerfile:1.1\nFROM node\nRUN npm ci\n'],
  ['a foreign frontend', '# syntax=example.com/my/frontend:2\nFROM node\nRUN npm ci\n'],
  ['pip told not to cache', 'FROM python\nRUN pip install --no-cache-dir -r r.txt\n'],
  ['after USER node the paths differ', 'FROM node\nUSER node\nRUN npm ci\n'],
  ['no package manager', 'FROM alpine\nRUN make && make install\n'],
  ['apk add --no-cache', 'FROM alpine\nRUN apk add --no-cache curl\n'],
  [
    'apt lists removed on purpose',
    'FROM debian\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\n',
  ],
  ['npm cache cleaned on purpose', 'FROM node\nRUN npm ci && npm cache clean --force\n'],
];
for (const [name, text] of nearMisses) {
  test(`near miss: ${name}`, () => assert.deepEqual(ranges(runRule(rule, text)), []));
}

test('which # syntax directives allow cache mounts', () => {
  const cases: [string, boolean][] = [
    ['', true],
    ['# syntax=docker/dockerfile:1\n', true],
    ['# syntax=docker/dockerfile:1.4\n', true],
    ['# syntax=docker.io/docker/dockerfile:1.7-labs\n', true],
    ['# syntax=docker/dockerfile:1.0-experimental\n', true],
    ['# syntax=docker/dockerfile\n', true],
    ['# syntax=docker/dockerfile:1.0\n', false],
    ['# syntax=docker/dockerfile:1.1.7\n', false],
    ['# syntax=tonistiigi/dockerfile:runmount\n', false],
  ];
  for (const [directive, allowed] of cases)
    assert.equal(allowsCacheMounts(parseText(`${directive}FROM a\n`).tree.directives), allowed, directive);
});
