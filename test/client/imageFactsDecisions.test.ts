// The client's decisions about layerwise/imageFacts (client/src/docker/imageFactsDecisions.ts):
// what an untrusted workspace answers, how a large or malformed request is read, and which editor
// events make it forget what it read and tell the server that images may have changed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  imageFactsAnswer,
  imagesMayHaveChanged,
  referencesToInspect,
  requestedReferences,
} from '../../client/src/docker/imageFactsDecisions';
import type { LocalImageFacts } from '../../protocol/src/protocol';

const facts = (reference: string): LocalImageFacts => ({
  reference,
  source: { kind: 'local', imageId: `sha256:${'a'.repeat(64)}` },
  env: [],
  user: '',
  workdir: '',
  exposedPorts: [],
  volumes: [],
  labels: {},
});

describe('answering layerwise/imageFacts', () => {
  it('reads the references as sent; anything else is none or an empty reference', () => {
    assert.deepEqual(requestedReferences({ references: ['node:22', 7, null, 'app:1'] }), ['node:22', '', '', 'app:1']);
    for (const params of [null, undefined, 'node:22', { references: 'node:22' }, {}])
      assert.deepEqual(requestedReferences(params), [], JSON.stringify(params));
  });

  it('an untrusted workspace inspects nothing and answers null for every reference', () => {
    const references = ['node:22', 'app:1'];
    const toInspect = referencesToInspect(references, false);
    assert.deepEqual(toInspect, []);
    assert.deepEqual(imageFactsAnswer(references, []), { images: [null, null] });
  });

  it('a trusted workspace inspects the first 64 references; the rest are answered null', () => {
    const references = Array.from({ length: 70 }, (_, i) => `app:${i}`);
    const toInspect = referencesToInspect(references, true);
    assert.equal(toInspect.length, 64);
    assert.equal(toInspect.at(-1), 'app:63');
    const answer = imageFactsAnswer(
      references,
      toInspect.map((reference) => (reference === 'app:1' ? null : facts(reference))),
    );
    assert.equal(answer.images.length, 70);
    assert.equal(answer.images[0]?.reference, 'app:0');
    assert.equal(answer.images[1], null, 'not a local image');
    assert.equal(answer.images[63]?.reference, 'app:63');
    assert.deepEqual(answer.images.slice(64), [null, null, null, null, null, null]);
  });
});

describe('when local images may have changed', () => {
  it('after a build that just succeeded; not after a failed one, a stale one or a cleared result', () => {
    assert.equal(imagesMayHaveChanged({ kind: 'buildResult', result: { succeeded: true, stale: false } }), true);
    assert.equal(imagesMayHaveChanged({ kind: 'buildResult', result: { succeeded: false, stale: false } }), false);
    assert.equal(imagesMayHaveChanged({ kind: 'buildResult', result: { succeeded: true, stale: true } }), false);
    assert.equal(imagesMayHaveChanged({ kind: 'buildResult', result: undefined }), false);
  });

  it('when the workspace is trusted', () => {
    assert.equal(imagesMayHaveChanged({ kind: 'trustGranted' }), true);
  });

  it('when a docker setting changes (another CLI, context or host), not for other settings', () => {
    // What VS Code's affectsConfiguration answers for a change of `changed`: it and its parents.
    const change = (changed: string) => ({
      kind: 'configuration' as const,
      affects: (section: string) => changed === section || changed.startsWith(`${section}.`),
    });
    assert.equal(imagesMayHaveChanged(change('layerwise.docker.path')), true);
    assert.equal(imagesMayHaveChanged(change('layerwise.docker.context')), true);
    assert.equal(imagesMayHaveChanged(change('layerwise.inlayHints.baseImage')), false);
    assert.equal(imagesMayHaveChanged(change('editor.fontSize')), false);
  });
});
