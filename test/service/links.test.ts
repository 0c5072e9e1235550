import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { useTestServer } from '../helpers/testServer';
import { type Rng, showSpan } from '../helpers/positions';

interface Link {
  range: Rng;
  target: string;
  tooltip?: string;
}

const server = useTestServer('links', { transport: 'in-process' });
let folder: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'layerwise-links-'));
  mkdirSync(join(folder, 'src'));
  for (const file of ['app.py', 'secret.txt', 'src/main.go', 'notes.txt']) writeFileSync(join(folder, file), 'x');
  writeFileSync(join(folder, '.dockerignore'), 'secret.txt\n*.txt\n');
});
after(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function links(text: string, at?: string): Promise<string[]> {
  const uri = await server.open(text, at);
  const found = await server.client.request<Link[]>('textDocument/documentLink', { textDocument: { uri } });
  return found.map((l) => `${showSpan(text, l.range)} ${l.target}`);
}

describe('image links', () => {
  const cases: [string, string][] = [
    ['alpine:3.20', 'https://hub.docker.com/_/alpine'],
    ['docker.io/library/node:22', 'https://hub.docker.com/_/node'],
    ['bitnami/redis@sha256:0123', 'https://hub.docker.com/r/bitnami/redis'],
    ['ghcr.io/astral-sh/uv:latest', 'https://ghcr.io/astral-sh/uv'],
    ['quay.io/keycloak/keycloak:26', 'https://quay.io/repository/keycloak/keycloak'],
    ['mcr.microsoft.com/dotnet/sdk:8.0', 'https://mcr.microsoft.com/en-us/artifact/mar/dotnet/sdk'],
    [
      'gcr.io/distroless/static-debian12',
      'https://console.cloud.google.com/gcr/images/distroless/global/static-debian12',
    ],
  ];
  for (const [image, url] of cases) {
    test(`${image} links to its registry page`, async () => {
      const text = `FROM ${image}\n`;
      assert.deepEqual(await links(text), [`${image}@0:5 ${url}`]);
    });
  }
  test('a FROM image resolved through a global ARG links to the resolved image', async () => {
    const text = 'ARG BASE=python:3.13\nFROM --platform=linux/amd64 ${BASE} AS app\n';
    assert.deepEqual(await links(text), ['${BASE}@1:28 https://hub.docker.com/_/python']);
  });
  test('near misses: stage names, scratch, unknown values and private registries get no link', async () => {
    const text = 'FROM scratch AS base\nFROM base\nARG UNSET\nFROM ${UNSET}\nFROM registry.example.com:5000/team/app\n';
    assert.deepEqual(await links(text), []);
  });
});

describe('COPY and ADD source links', () => {
  test('build-context files link to the file; ignored, missing, remote and wildcard sources do not', async () => {
    const text = [
      'FROM alpine',
      'COPY app.py secret.txt notes.txt missing.py ./',
      'COPY ./src/main.go /src/',
      'COPY ["/app.py", "/dst/"]',
      'COPY --from=build app.py /x',
      'ADD https://example.com/app.py *.py /',
    ].join('\n');
    const file = (path: string): string => pathToFileURL(join(folder, path)).href;
    assert.deepEqual(await links(text, pathToFileURL(join(folder, 'Dockerfile')).href), [
      'alpine@0:5 https://hub.docker.com/_/alpine',
      `app.py@1:5 ${file('app.py')}`,
      `./src/main.go@2:5 ${file('src/main.go')}`,
      `"/app.py"@3:6 ${file('app.py')}`,
    ]);
  });
  test('a document that is not on disk has no file links', async () => {
    assert.deepEqual(await links('FROM scratch\nCOPY app.py /\n', 'untitled:Untitled-1'), []);
  });
});
