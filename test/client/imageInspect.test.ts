// `image inspect` of base images: the argument array (through the configured CLI and daemon) and
// the facts read from real docker and podman output (fixtures/README.md), defensively.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dockerInvocation } from '../../client/src/docker/dockerInvocation';
import { imageFactsFrom, imageInspectArgs, parseImageInspect } from '../../client/src/docker/imageInspect';
import { defaultTimeLimit } from '../../client/src/docker/processTimeouts';
import { readImageFacts } from '../../server/src/service/readImageFacts';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('imageInspectArgs', () => {
  it('inspects every reference in one run, after `--` so none is read as a flag', () => {
    assert.deepEqual(imageInspectArgs(['node:22', '-v']), ['image', 'inspect', '--', 'node:22', '-v']);
  });

  it('goes through the configured CLI and daemon (podman, a context, a host URL)', () => {
    const podman = dockerInvocation({ dockerPath: 'podman', dockerContext: 'remote' }, imageInspectArgs(['a:1']));
    assert.deepEqual(podman, {
      executable: 'podman',
      args: ['--context', 'remote', 'image', 'inspect', '--', 'a:1'],
      env: {},
    });
    const host = dockerInvocation({ dockerPath: 'docker', dockerContext: 'tcp://h:2375' }, imageInspectArgs(['a']));
    assert.equal(host.env.DOCKER_HOST, 'tcp://h:2375');
    assert.deepEqual(host.args, ['image', 'inspect', '--', 'a']);
  });

  it('gets the time limit of a query', () => {
    assert.equal(defaultTimeLimit(imageInspectArgs(['a'])), 20_000);
  });
});

describe('parseImageInspect on real output', () => {
  it('reads docker output: env, user, workdir, entrypoint, cmd, ports, volumes, labels, platform, size, layers', () => {
    const [facts] = parseImageInspect(fixture('inspect-docker-base.json'), ['lw20-fixture:1']) ?? [];
    assert.deepEqual(facts, {
      reference: 'lw20-fixture:1',
      source: {
        kind: 'local',
        imageId: 'sha256:eca7c7ae855b60e0fca93712a34e55a02be47573c11ba037af07f04f998df961',
        created: '2026-12-06T19:03:51.303371025Z',
      },
      env: [
        ['PATH', '/usr/local/bin:/bin'],
        ['APP_HOME', '/srv/app'],
        ['GREETING', 'hello world'],
      ],
      user: '1000:1000',
      workdir: '/srv/app',
      exposedPorts: ['8080/tcp'],
      volumes: ['/data'],
      labels: { 'org.example.kind': 'base' },
      entrypoint: ['/bin/sh', '-c'],
      cmd: ['echo hi'],
      os: 'linux',
      architecture: 'amd64',
      sizeBytes: 1982256,
      layerCount: 3,
      healthcheck: false,
    });
  });

  it('reads the HEALTHCHECK and SHELL docker keeps in Config (inspect-healthcheck.Dockerfile)', () => {
    const [facts] = parseImageInspect(fixture('inspect-docker-healthcheck.json'), ['hc']) ?? [];
    assert.equal(facts?.healthcheck, true);
    assert.deepEqual(facts?.shell, ['/bin/sh', '-eu', '-c']);
    // The image's own shell-form CMD was wrapped in that SHELL by the builder.
    assert.deepEqual(facts?.cmd, ['/bin/sh', '-eu', '-c', 'echo hi']);
    const [none] = parseImageInspect(fixture('inspect-docker-healthcheck-none.json'), ['none']) ?? [];
    assert.equal(none?.healthcheck, false, 'HEALTHCHECK NONE');
    assert.equal(none?.shell, undefined);
  });

  it('reads the HEALTHCHECK podman shows at the top level; podman never shows a SHELL', () => {
    const [facts] = parseImageInspect(fixture('inspect-podman-healthcheck.json'), ['hc']) ?? [];
    assert.equal(facts?.healthcheck, true, '--format docker keeps it, outside Config');
    assert.equal(facts?.shell, undefined);
    const [none] = parseImageInspect(fixture('inspect-podman-healthcheck-none.json'), ['none']) ?? [];
    assert.equal(none?.healthcheck, false, 'HEALTHCHECK NONE');
    const [oci] = parseImageInspect(fixture('inspect-podman-healthcheck-oci.json'), ['oci']) ?? [];
    assert.equal(oci?.healthcheck, false, 'the OCI format drops HEALTHCHECK when building');
    const [base] = parseImageInspect(fixture('inspect-podman-base.json'), ['base']) ?? [];
    assert.equal(base?.healthcheck, false);
  });

  it('reads podman output: the id gets its algorithm, buildah labels stay', () => {
    const [facts] = parseImageInspect(fixture('inspect-podman-base.json'), ['lw20-fixture:1']) ?? [];
    assert.equal(facts?.source.imageId, 'sha256:f9b37435cd3ad4c2929dc863f889774be15580b21b357a3f5ca6e74e639e0623');
    assert.equal(facts?.user, '1000:1000');
    assert.equal(facts?.workdir, '/srv/app');
    assert.deepEqual(facts?.entrypoint, ['/bin/sh', '-c']);
    assert.deepEqual(facts?.cmd, ['echo hi']);
    assert.deepEqual(facts?.env.at(2), ['GREETING', 'hello world']);
    assert.deepEqual(facts?.labels, { 'io.buildah.version': '1.28.2', 'org.example.kind': 'base' });
    assert.equal(facts?.layerCount, 2);
  });

  for (const cli of ['docker', 'podman']) {
    it(`reads a config that sets almost nothing (${cli}: nulls or missing fields)`, () => {
      const [facts] = parseImageInspect(fixture(`inspect-${cli}-minimal.json`), ['min']) ?? [];
      assert.equal(facts?.user, '');
      assert.equal(facts?.workdir, '');
      assert.equal(facts?.entrypoint, undefined);
      assert.equal(facts?.cmd, undefined);
      assert.deepEqual(facts?.exposedPorts, []);
      assert.deepEqual(facts?.volumes, []);
      assert.deepEqual(facts?.env, [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
      assert.equal(facts?.layerCount, 1);
    });
  }

  it('matches elements to references in order', () => {
    const element = (name: string): string => fixture(name).trim().slice(1, -1);
    const both = `[${element('inspect-docker-base.json')},${element('inspect-podman-minimal.json')}]`;
    const facts = parseImageInspect(both, ['first', 'second']);
    assert.deepEqual(
      facts?.map((one) => [one.reference, one.user]),
      [
        ['first', '1000:1000'],
        ['second', ''],
      ],
    );
  });

  it('gives nothing it cannot match: fewer elements than references, not JSON, cut short', () => {
    const one = fixture('inspect-docker-base.json');
    assert.equal(parseImageInspect(one, ['a', 'b']), undefined);
    assert.equal(parseImageInspect('[]', ['a']), undefined);
    assert.equal(parseImageInspect('Error: no such image', ['a']), undefined);
    assert.equal(parseImageInspect(one.slice(0, one.length / 2), ['a']), undefined);
    assert.equal(parseImageInspect('[{"RepoTags":[]}]', ['a']), undefined);
  });
});

describe('imageFactsFrom on hostile input', () => {
  it('keeps what has the right type and bounds lists and strings', () => {
    const facts = imageFactsFrom('x', {
      Id: 'sha256:abc',
      Config: {
        Env: [42, 'NOEQUALS', '=nameless', 'A=b=c', ...Array.from({ length: 10_000 }, (_, i) => `V${i}=1`)],
        User: { name: 'root' },
        Entrypoint: 'sh -c',
        Cmd: ['ok', 7, null],
        ExposedPorts: ['80/tcp'],
        Labels: { good: 'yes', bad: 1, long: 'y'.repeat(100_000) },
      },
      Size: -5,
      RootFS: { Layers: 'none' },
    });
    assert.equal(facts?.healthcheck, false);
    assert.equal(facts?.shell, undefined);
    assert.deepEqual(facts?.env.slice(0, 3), [
      ['NOEQUALS', ''],
      ['A', 'b=c'],
      ['V0', '1'],
    ]);
    assert.ok((facts?.env.length ?? 0) <= 256);
    assert.equal(facts?.user, '');
    assert.deepEqual(facts?.entrypoint, ['sh -c']);
    assert.deepEqual(facts?.cmd, ['ok']);
    assert.deepEqual(facts?.exposedPorts, []);
    assert.equal(facts?.labels.good, 'yes');
    assert.equal(facts?.labels.bad, undefined);
    assert.equal(facts?.labels.long?.length, 4096);
    assert.equal(facts?.sizeBytes, undefined);
    assert.equal(facts?.layerCount, undefined);
  });

  it('a healthcheck needs a test that is not NONE; an empty Shell is none', () => {
    const healthcheck = (value: unknown, where: 'Config' | 'top' = 'Config') =>
      imageFactsFrom('x', {
        Id: 'sha256:abc',
        Config: where === 'Config' ? { Healthcheck: value, Shell: [] } : {},
        ...(where === 'top' ? { Healthcheck: value } : {}),
      });
    assert.equal(healthcheck({ Test: ['CMD', 'true'] })?.healthcheck, true);
    assert.equal(healthcheck({ Test: ['CMD-SHELL', 'true'] }, 'top')?.healthcheck, true);
    assert.equal(healthcheck({ Test: ['NONE'] })?.healthcheck, false);
    assert.equal(healthcheck({ Test: [] })?.healthcheck, false);
    assert.equal(healthcheck({ Test: 'CMD true' })?.healthcheck, false);
    assert.equal(healthcheck('yes')?.healthcheck, false);
    assert.equal(healthcheck({ Test: ['CMD', 'true'] })?.shell, undefined);
  });

  it('gives nothing without an id', () => {
    assert.equal(imageFactsFrom('x', { Config: {} }), undefined);
    assert.equal(imageFactsFrom('x', null), undefined);
    assert.equal(imageFactsFrom('x', []), undefined);
  });
});

describe('the server reads what the client sends', () => {
  for (const name of ['inspect-docker-base.json', 'inspect-docker-healthcheck.json', 'inspect-podman-healthcheck.json'])
    it(`takes the client facts as they are (${name})`, () => {
      const [sent] = parseImageInspect(fixture(name), ['lw20-fixture:1']) ?? [];
      const read = readImageFacts(JSON.parse(JSON.stringify(sent)), 'lw20-fixture:1');
      assert.deepEqual(JSON.parse(JSON.stringify(read)), JSON.parse(JSON.stringify(sent)));
    });

  it('reads healthcheck and shell only when well formed', () => {
    const source = { kind: 'local', imageId: 'sha256:1' };
    const good = readImageFacts({ source, healthcheck: true, shell: ['/bin/bash', '-c'] }, 'a');
    assert.equal(good?.healthcheck, true);
    assert.deepEqual(good?.shell, ['/bin/bash', '-c']);
    const bad = readImageFacts({ source, healthcheck: 'yes', shell: '/bin/bash' }, 'a');
    assert.equal(bad?.healthcheck, undefined);
    assert.equal(bad?.shell, undefined);
    assert.equal(readImageFacts({ source, shell: [] }, 'a')?.shell, undefined);
  });

  it('refuses malformed facts and drops malformed fields', () => {
    assert.equal(readImageFacts(null, 'a'), undefined);
    assert.equal(readImageFacts({ source: { kind: 'recorded', imageId: 'x' } }, 'a'), undefined);
    const read = readImageFacts(
      { source: { kind: 'local', imageId: 'sha256:1' }, env: [['A', 1], ['B', 'b'], 'C=c'], cmd: 'sh', user: 0 },
      'a',
    );
    assert.deepEqual(read?.env, [['B', 'b']]);
    assert.equal(read?.cmd, undefined);
    assert.equal(read?.user, '');
  });
});
