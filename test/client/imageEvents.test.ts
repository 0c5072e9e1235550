// The engine's image events: the argv that streams them (through the docker settings) and the
// reading of real event lines captured from docker 28.2/20.10 and podman 4.3 (fixtures), plus
// lines that are not events at all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { imageEventsInvocation, parseImageEvent } from '../../client/src/docker/imageEvents';
import { defaultDockerSettings } from '../../client/src/docker/settings';

const fixture = (name: string): string[] =>
  readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')
    .split('\n')
    .filter(Boolean);

const imageId = 'sha256:51dd02544fb21b516091932f1722443df3b6132cc62e8c5c86ea184b2f80d595';
const podmanId = 'dbf2a35a19a30025934df5501086dc145783905c2a4cee3f87bcd672025f5277';

describe('image events argv', () => {
  const eventArgs = ['events', '--filter', 'type=image', '--format', '{{json .}}'];

  it('asks the configured CLI for image events as JSON lines', () => {
    const invocation = imageEventsInvocation(defaultDockerSettings);
    assert.equal(invocation.executable, 'docker');
    assert.deepEqual(invocation.args, eventArgs);
    assert.deepEqual(invocation.env, {});
  });

  it('goes through the context, the env setting and a podman path', () => {
    const named = imageEventsInvocation({
      dockerPath: '/usr/bin/podman',
      dockerContext: 'prod',
      dockerEnv: { A: '1' },
    });
    assert.equal(named.executable, '/usr/bin/podman');
    assert.deepEqual(named.args, ['--context', 'prod', ...eventArgs]);
    assert.deepEqual(named.env, { A: '1' });
    const url = imageEventsInvocation({ dockerPath: 'docker', dockerContext: 'tcp://10.0.0.2:2375' });
    assert.deepEqual(url.args, eventArgs);
    assert.equal(url.env.DOCKER_HOST, 'tcp://10.0.0.2:2375');
  });
});

describe('reading image event lines', () => {
  it("reads docker's events: tag, untag, load and delete change images, save does not", () => {
    const changes = fixture('events-docker.jsonl').map(parseImageEvent);
    assert.equal(changes.length, 9);
    assert.deepEqual(
      changes.map((change) => change?.action),
      ['tag', 'untag', 'tag', undefined, 'load', 'untag', 'tag', 'untag', 'delete'],
    );
    assert.deepEqual(changes[0], { action: 'tag', id: imageId, name: 'lw-events-tag:one' });
    assert.deepEqual(changes[2], { action: 'tag', id: imageId, name: 'lw-events-built:latest' });
    assert.equal(changes[8]?.id, 'sha256:312a451b570d1d802518424ae0247b136e9937d19ff59128ff8e7ab7807a226c');
  });

  it("reads podman's events: build, tag, untag and remove", () => {
    const changes = fixture('events-podman.jsonl').map(parseImageEvent);
    assert.equal(changes.length, 10);
    assert.ok(changes.every((change) => change !== undefined));
    assert.deepEqual(changes[0], { action: 'build', id: undefined, name: podmanId });
    assert.deepEqual(changes[1], { action: 'tag', id: podmanId, name: 'lw-events-tag:one' });
    assert.deepEqual(changes[2], { action: 'untag', id: podmanId, name: 'localhost/lw-events-tag:one' });
    assert.deepEqual(changes[3]?.action, 'remove');
  });

  it('ignores what is not a changing image event', () => {
    const lines = [
      '',
      'not json',
      '{',
      '[]',
      'null',
      '"image"',
      '{"Type":"container","Action":"start","Actor":{"ID":"abc"}}',
      '{"Type":"image","Action":"push","Actor":{"ID":"abc"}}',
      '{"Type":"image"}',
      '{"Type":"image","Action":7}',
      '{"Type":"image","Action":["tag"]}',
      `{"Type":"image","Action":"${'t'.repeat(2000)}"}`,
      `{"Type":"image","Action":"tag","Actor":{"ID":"x"},"pad":"${'x'.repeat(20_000)}"}`,
      '\u0000\u0001\ufffd{"Type":"image","Action":"tag"}',
    ];
    for (const line of lines) assert.equal(parseImageEvent(line), undefined, line.slice(0, 80));
  });

  it('keeps an event whose fields have odd types, without them', () => {
    const change = parseImageEvent('{"Type":"image","Action":"Pull","Actor":{"ID":5,"Attributes":[]},"Name":{}}');
    assert.deepEqual(change, { action: 'pull', id: undefined, name: undefined });
  });
});
