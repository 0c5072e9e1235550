import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  containerNameProblem,
  imageReferenceProblem,
  suggestContainerName,
  suggestImageTag,
} from '../../client/src/docker/imageNames';
import { containerPorts, parseHostPort, publishFlagValue } from '../../client/src/docker/portMappings';
import { english } from '../../client/src/l10n/translator';

describe('image names', () => {
  const suggestions: Array<[string, string | undefined, string]> = [
    ['my-app', undefined, 'my-app:latest'],
    ['My App (v2)', undefined, 'my-app-v2:latest'],
    ['__', undefined, 'image:latest'],
    ['web', 'Build', 'web-build:latest'],
  ];
  for (const [folder, target, expected] of suggestions) {
    it(`suggests ${expected} for ${folder}${target ? ` / ${target}` : ''}`, () =>
      assert.equal(suggestImageTag(folder, target), expected));
  }
  const valid = ['app', 'app:1.0', 'registry.example.com/team/app:dev', 'localhost:5000/app', 'a_b:latest'];
  const invalid = ['', 'App', 'app:', 'app:tag with space', 'app@sha256:abc', 'a//b', '-app'];
  for (const reference of valid)
    it(`accepts ${reference}`, () => assert.equal(imageReferenceProblem(reference, english), undefined));
  for (const reference of invalid)
    it(`rejects "${reference}"`, () => assert.notEqual(imageReferenceProblem(reference, english), undefined));

  it('suggests container names', () => {
    assert.equal(suggestContainerName('registry.example.com/team/app:latest'), 'app');
    assert.equal(suggestContainerName('app:dev'), 'app-dev');
    assert.equal(suggestContainerName('localhost:5000/app'), 'app');
    assert.equal(containerNameProblem('app-dev', english), undefined);
    assert.notEqual(containerNameProblem('-x', english), undefined);
  });
});

describe('ports', () => {
  const exposed: Array<[string, string | undefined, Array<[number, string]>]> = [
    ['8080', undefined, [[8080, 'tcp']]],
    ['53', 'udp', [[53, 'udp']]],
    [
      '8000-8002',
      'TCP',
      [
        [8000, 'tcp'],
        [8001, 'tcp'],
        [8002, 'tcp'],
      ],
    ],
    ['$PORT', undefined, []],
    ['99999', undefined, []],
    ['1000-9000', undefined, [[1000, 'tcp']]],
    ['80', 'http', []],
    ['80', '', []],
  ];
  for (const [port, protocol, expected] of exposed) {
    it(`EXPOSE ${port}${protocol === undefined ? '' : `/${protocol}`}`, () =>
      assert.deepEqual(
        containerPorts(port, protocol).map((p) => [p.port, p.protocol]),
        expected,
      ));
  }
  it('host ports', () => {
    assert.deepEqual(parseHostPort(' 8080 '), { hostPort: 8080 });
    assert.deepEqual(parseHostPort('127.0.0.1:9000'), { hostPort: 9000, hostIp: '127.0.0.1' });
    assert.equal(parseHostPort('0'), undefined);
    assert.equal(parseHostPort('abc'), undefined);
  });
  it('-p values', () => {
    assert.equal(publishFlagValue({ hostPort: 8080, containerPort: 80, protocol: 'tcp' }), '8080:80');
    assert.equal(
      publishFlagValue({ hostPort: 53, hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' }),
      '127.0.0.1:53:53/udp',
    );
  });
});
