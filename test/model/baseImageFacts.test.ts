// Stages start from what their base image's config sets up: the recorded facts of common official
// tags (core/docs/imageFacts.json) or facts the server put into an ImageCatalog. The facts object
// is part of a stage record's key, so a changed entry rebuilds exactly the stages on that image.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORDED_IMAGE_FACTS } from '../../core/src/docs/recordedImageFacts';
import { AnalysedDocument, DocumentStore } from '../../core/src/engine/analysedDocument';
import { ImageCatalog } from '../../core/src/engine/imageCatalog';
import { buildModel } from '../../core/src/model';
import type { ImageFacts } from '../../core/src/model/imageFacts';
import { runCommand, shellInEffect, userInEffect } from '../../core/src/model/runConfig';
import { parseText } from '../../core/src/parser';

const localFacts = (reference: string, overrides: Partial<ImageFacts> = {}): ImageFacts => ({
  reference,
  source: { kind: 'local', imageId: `sha256:${'b'.repeat(64)}` },
  env: [['APP_HOME', '/srv/app']],
  user: '1000',
  workdir: '/srv/app',
  entrypoint: ['/entry.sh'],
  cmd: ['serve'],
  exposedPorts: ['8080/tcp'],
  volumes: [],
  labels: {},
  ...overrides,
});

const modelOf = (text: string, catalog = new ImageCatalog()) => buildModel(parseText(text).tree, { images: catalog });

describe('recorded facts', () => {
  it('node:22 is the bookworm image of docker-node: its ENV, ENTRYPOINT and CMD', () => {
    const node = RECORDED_IMAGE_FACTS.factsFor('node:22')!;
    assert.equal(node.source.kind, 'recorded');
    assert.match(node.source.kind === 'recorded' ? node.source.basis : '', /nodejs\/docker-node@\w+ 22\/bookworm\//);
    assert.deepEqual(
      node.env.map(([name]) => name),
      ['PATH', 'NODE_VERSION', 'YARN_VERSION'],
    );
    assert.match(node.env[1]![1], /^22\.\d+\.\d+$/);
    assert.deepEqual(node.entrypoint, ['docker-entrypoint.sh']);
    assert.deepEqual(node.cmd, ['node']);
    assert.equal(node.user, '');
  });

  it('python:3.x images: PYTHON_VERSION and CMD python3; the bare 3.14 tag is the trixie one', () => {
    for (const tag of ['3.12', '3.13-slim', '3.14', '3.14-alpine']) {
      const python = RECORDED_IMAGE_FACTS.factsFor(`python:${tag}`)!;
      assert.ok(python, tag);
      assert.deepEqual(python.cmd, ['python3'], tag);
      assert.ok(
        python.env.some(([name, value]) => name === 'PYTHON_VERSION' && value.startsWith(tag.slice(0, 4))),
        tag,
      );
    }
    const python = RECORDED_IMAGE_FACTS.factsFor('python:3.14')!;
    assert.match(python.source.kind === 'recorded' ? python.source.basis : '', /3\.14\/trixie\/Dockerfile/);
  });

  it('distroless :nonroot runs as 65532 in /home/nonroot, :latest as 0; :debug has busybox', () => {
    const nonroot = RECORDED_IMAGE_FACTS.factsFor('gcr.io/distroless/static-debian12:nonroot')!;
    assert.equal(nonroot.user, '65532');
    assert.equal(nonroot.workdir, '/home/nonroot');
    assert.deepEqual(nonroot.env[1], ['SSL_CERT_FILE', '/etc/ssl/certs/ca-certificates.crt']);
    assert.equal(RECORDED_IMAGE_FACTS.factsFor('gcr.io/distroless/base-debian12')!.user, '0');
    assert.deepEqual(RECORDED_IMAGE_FACTS.factsFor('gcr.io/distroless/static:debug')!.entrypoint, ['/busybox/sh']);
  });

  it('Docker Hub spellings share one facts object; digests and unknown tags have none', () => {
    const short = RECORDED_IMAGE_FACTS.factsFor('node:22');
    assert.equal(RECORDED_IMAGE_FACTS.factsFor('docker.io/library/node:22'), short);
    assert.equal(RECORDED_IMAGE_FACTS.factsFor('index.docker.io/library/node:22'), short);
    assert.equal(RECORDED_IMAGE_FACTS.factsFor('alpine'), RECORDED_IMAGE_FACTS.factsFor('alpine:latest'));
    assert.equal(RECORDED_IMAGE_FACTS.factsFor(`node:22@sha256:${'c'.repeat(64)}`), undefined);
    assert.equal(RECORDED_IMAGE_FACTS.factsFor('node:21'), undefined);
    assert.equal(RECORDED_IMAGE_FACTS.factsFor('example.com/node:22'), undefined);
  });

  it('every entry is complete: a date, a basis, PATH first, and ports in Docker form', () => {
    for (const tag of ['nginx:latest', 'postgres:17', 'php:8.4-apache', 'golang:1.27', 'ruby:3.4', 'docker:dind']) {
      const facts = RECORDED_IMAGE_FACTS.factsFor(tag)!;
      assert.ok(facts, tag);
      assert.match(facts.source.kind === 'recorded' ? facts.source.recordedOn : '', /^\d{4}-\d\d-\d\d$/, tag);
      assert.equal(facts.env[0]![0], 'PATH', tag);
      for (const port of facts.exposedPorts) assert.match(port, /^\d+\/(tcp|udp)$/, tag);
    }
    assert.deepEqual(RECORDED_IMAGE_FACTS.factsFor('postgres:17')!.exposedPorts, ['5432/tcp']);
    assert.equal(RECORDED_IMAGE_FACTS.factsFor('golang:1.27')!.workdir, '/go');
  });
});

describe('a stage on an image with known facts', () => {
  it('sees the image ENV as defined, with values, marked as the image’s', () => {
    const model = modelOf('FROM node:22\nENV V=$NODE_VERSION\n');
    const reference = model.references.find((r) => r.reference.name === 'NODE_VERSION')!;
    assert.equal(reference.definition?.image?.reference, 'node:22');
    assert.equal(model.stages[0]!.definitions[0]!.value, RECORDED_IMAGE_FACTS.factsFor('node:22')!.env[1]![1]);
  });

  it('starts from the image’s user and command; its own ENTRYPOINT resets the inherited CMD', () => {
    const catalog = new ImageCatalog();
    catalog.setLocal('app:1', localFacts('app:1'));
    const plain = modelOf('FROM app:1\n', catalog);
    const state = plain.stages[0]!.handsDown;
    assert.equal(userInEffect(state), '1000');
    assert.deepEqual(runCommand(state, plain), {
      argv: ['/entry.sh', 'serve'],
      entrypoint: { argv: ['/entry.sh'], setBy: undefined },
      cmd: { argv: ['serve'], setBy: undefined },
      cmdIgnored: false,
    });
    const reset = modelOf('FROM app:1\nENTRYPOINT ["/other"]\n', catalog);
    const after = reset.stages[0]!.handsDown;
    assert.equal(after.cmdReset, true);
    const resetRun = runCommand(after, reset);
    assert.ok(resetRun !== 'unknown');
    assert.deepEqual(resetRun.argv, ['/other']);
    // A CMD before the ENTRYPOINT in the same stage is kept; a shell-form ENTRYPOINT ignores it.
    const kept = modelOf('FROM app:1\nCMD ["x"]\nENTRYPOINT exec run\n', catalog);
    const run = runCommand(kept.stages[0]!.handsDown, kept);
    assert.ok(run !== 'unknown');
    assert.deepEqual(run.argv, ['/bin/sh', '-c', 'exec run']);
    assert.equal(run.cmdIgnored, true);
    assert.deepEqual(run.cmd?.argv, ['x']);
  });

  it('an ENTRYPOINT in a later stage resets the CMD of the stage it builds on', () => {
    const model = modelOf('FROM scratch AS a\nCMD ["/a"]\nFROM a\nENTRYPOINT ["/b"]\n');
    const run = runCommand(model.stages[1]!.handsDown, model);
    assert.ok(run !== 'unknown');
    assert.deepEqual(run.argv, ['/b']);
  });

  it('shell forms run with the image’s Shell until a SHELL instruction sets another', () => {
    const catalog = new ImageCatalog();
    catalog.setLocal(
      'bash:1',
      localFacts('bash:1', { entrypoint: undefined, shell: ['/bin/bash', '-o', 'pipefail', '-c'] }),
    );
    catalog.setLocal('pwsh:1', localFacts('pwsh:1', { shell: ['pwsh', '-Command'] }));
    const inherited = modelOf('FROM bash:1\nCMD serve\n', catalog);
    const state = inherited.stages[0]!.handsDown;
    assert.deepEqual(shellInEffect(state), ['/bin/bash', '-o', 'pipefail', '-c']);
    assert.deepEqual(state.shell, { posix: true, pipefail: true });
    assert.equal(state.shellSet, true, 'as BuildKit sees it: the config has a Shell');
    const run = runCommand(state, inherited);
    assert.ok(run !== 'unknown');
    assert.deepEqual(run.argv, ['/bin/bash', '-o', 'pipefail', '-c', 'serve']);
    const own = modelOf('FROM bash:1\nSHELL ["/bin/sh", "-c"]\nCMD serve\n', catalog);
    assert.deepEqual(shellInEffect(own.stages[0]!.handsDown), ['/bin/sh', '-c']);
    assert.equal(own.stages[0]!.handsDown.shell.pipefail, false);
    assert.equal(modelOf('FROM pwsh:1\n', catalog).stages[0]!.handsDown.shell.posix, false);
    const plain = modelOf('FROM app:1\n', catalog).stages[0]!.handsDown;
    assert.deepEqual(shellInEffect(plain), ['/bin/sh', '-c']);
    assert.equal(plain.shellSet, false);
  });

  it('without facts, nothing is known and nothing is assumed', () => {
    const model = modelOf('FROM example.com/unknown:1\n');
    assert.equal(model.stages[0]!.inherited.image, undefined);
    assert.equal(runCommand(model.stages[0]!.handsDown, model), 'unknown');
    assert.equal(userInEffect(model.stages[0]!.handsDown), undefined);
  });
});

describe('incrementality', () => {
  it('a changed catalog entry rebuilds the stages on that image only, and the document’s model follows', () => {
    const catalog = new ImageCatalog();
    catalog.setLocal('app:1', localFacts('app:1'));
    const store = new DocumentStore(catalog);
    const text = 'FROM app:1 AS a\nENV X=$APP_HOME\nFROM other:1 AS b\nRUN true\nFROM a\nRUN true\n';
    const document = store.get({ uri: 'file:///inc/Dockerfile', version: 1, getText: () => text });
    const first = document.model;
    assert.equal(first.stages[0]!.definitions[0]!.value, '/srv/app');
    assert.equal(document.model, first, 'unchanged catalog: the same model');
    // The same facts again change nothing.
    assert.equal(catalog.setLocal('app:1', localFacts('app:1')), false);
    assert.equal(document.model, first);
    catalog.setLocal('app:1', localFacts('app:1', { env: [['APP_HOME', '/opt/app']] }));
    const second = document.model;
    assert.notEqual(second, first);
    assert.equal(second.stages[0]!.definitions[0]!.value, '/opt/app');
    assert.notEqual(second.stages[0], first.stages[0], 'the stage on app:1 is rebuilt');
    assert.equal(second.stages[1], first.stages[1], 'the stage on another image is kept');
    assert.notEqual(second.stages[2], first.stages[2], 'the stage built on the rebuilt one follows');
  });

  it('a one-off document uses the recorded facts', () => {
    const text = 'FROM node:22\nENV V=$NODE_VERSION\n';
    const document = new AnalysedDocument('file:///one/Dockerfile', 1, text, parseText(text));
    assert.equal(document.model.stages[0]!.inherited.image, RECORDED_IMAGE_FACTS.factsFor('node:22'));
  });
});
