// DisallowedRegistry: Docker's registry normalisation, hadolint's trustedRegistries semantics
// (Docker Hub under its other names, `*` wildcards), which references are images, and the
// setting taking effect over LSP when it changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageRegistry, registryAllowed } from '../../core/src/rules/imageRegistry';
import { disallowedRegistry } from '../../core/src/rules/bestPractice/disallowedRegistry';
import { ranges, runRule } from '../helpers/ruleHarness';
import { useTestServer } from '../helpers/testServer';

const server = useTestServer('disallowed-registry');

test('the registry of a reference follows Docker: a first part with . or :, or localhost, is a host', () => {
  const cases: [string, string][] = [
    ['alpine', 'docker.io'],
    ['library/alpine:3.20', 'docker.io'],
    ['bitnami/redis', 'docker.io'],
    ['docker.io/library/alpine', 'docker.io'],
    ['index.docker.io/library/alpine', 'docker.io'],
    ['ghcr.io/acme/app:1', 'ghcr.io'],
    ['localhost/app', 'localhost'],
    ['localhost:5000/app', 'localhost:5000'],
    ['registry:5000/app', 'registry:5000'],
    ['Registry/app', 'registry'],
    [`mcr.microsoft.com/dotnet/sdk@sha256:${'a'.repeat(64)}`, 'mcr.microsoft.com'],
  ];
  for (const [reference, registry] of cases) assert.equal(imageRegistry(reference), registry, reference);
});

test('allowed lists: exact hosts, Docker Hub by any of its names, and * wildcards', () => {
  assert.ok(registryAllowed('docker.io', ['hub.docker.com']));
  assert.ok(registryAllowed('docker.io', ['Docker.IO']));
  assert.ok(registryAllowed('eu.gcr.io', ['*.gcr.io']));
  assert.ok(!registryAllowed('gcr.io', ['*.gcr.io']));
  assert.ok(!registryAllowed('evil-gcr.io', ['*.gcr.io']));
  assert.ok(!registryAllowed('ghcr.io.evil.com', ['ghcr.io']));
  assert.ok(!registryAllowed('localhost:5000', ['localhost']));
  assert.ok(registryAllowed('a.b.c.example.com', ['*.*.*.example.com']));
  assert.ok(registryAllowed('gcr.io', ['gcr*io']));
  // Many stars against a long host that almost matches: a backtracking matcher takes forever here.
  assert.ok(!registryAllowed(`${'a'.repeat(20_000)}.io`, [`${'*a'.repeat(30)}*b`]));
});

test('FROM, COPY --from and RUN --mount from= images are checked; stages, scratch and variables are not', () => {
  const text = [
    'ARG TAG=1',
    'FROM quay.io/base:${TAG} AS build', // resolved by the global ARG: flagged
    'FROM scratch AS empty',
    'FROM build',
    'ARG REGISTRY',
    'COPY --from=build /a /a',
    'COPY --from=0 /b /b',
    'COPY --from=quay.io/tools:1 /c /c',
    'COPY --from=${REGISTRY}/tools:1 /d /d',
    'RUN --mount=type=bind,from=quay.io/cache:1,target=/x true',
    'RUN --mount=type=bind,from=empty,target=/y true',
    'FROM ${REGISTRY}/late:1',
  ].join('\n');
  const found = runRule(disallowedRegistry, text, undefined, { allowedRegistries: ['docker.io'] });
  assert.deepEqual(ranges(found), ['1:5-1:24', '7:12-7:27', '9:27-9:42']);
  assert.match(found[0]!.message.en, /quay\.io\/base:1 comes from quay\.io/);
  assert.deepEqual(runRule(disallowedRegistry, text, undefined, { allowedRegistries: ['quay.io'] }), []);
  assert.deepEqual(runRule(disallowedRegistry, text), [], 'an empty list checks nothing');
});

test('over LSP: setting allowedRegistries reports images from other registries; clearing it stops', async () => {
  const uri = await server.open('FROM ghcr.io/acme/app:1\nRUN true\n');
  const codes = (published: { diagnostics: { code?: unknown }[] }): string[] =>
    published.diagnostics.map((d) => String(d.code)).filter((code) => code === 'DisallowedRegistry');
  assert.deepEqual(codes(server.client.published.get(uri)!), []);
  const settle = async (layerwise: unknown): Promise<string[]> => {
    server.client.configuration = { layerwise };
    const next = server.client.waitForDiagnostics(uri);
    await server.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { layerwise } });
    return codes(await next);
  };
  assert.deepEqual(await settle({ diagnostics: { allowedRegistries: ['docker.io'] } }), ['DisallowedRegistry']);
  assert.deepEqual(await settle({ diagnostics: { allowedRegistries: ['docker.io', 'ghcr.io'] } }), []);
  assert.deepEqual(await settle({}), []);
});
