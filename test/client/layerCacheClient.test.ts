import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type BuildOutcome,
  buildResultsParams,
  forwardBuildResults,
} from '../../client/src/cache/buildResultsForwarder';
import { impactItems } from '../../client/src/cache/impactItems';
import type { BuildResultsParams, FileImpactResult } from '../../protocol/src/protocol';
import { english, korean } from '../helpers/translators';

const result: FileImpactResult = {
  dockerfiles: [
    { uri: 'file:///w/b/Dockerfile', rebuiltAfter: 0, reason: 'ignored' },
    { uri: 'file:///w/a/Dockerfile', first: { line: 3, text: 'COPY . .', stage: 'build', layer: 2 }, rebuiltAfter: 1 },
    {
      uri: 'file:///w/c/Dockerfile',
      first: { line: 1, text: 'COPY src ./src', stage: '0', layer: 1 },
      rebuiltAfter: 4,
    },
  ],
};
const display = (uri: string): string => uri.replace('file:///w/', '');

test('quick-pick items: affected Dockerfiles first, most rebuilt first, then the reasons', () => {
  assert.deepEqual(
    impactItems(result, display, english).map((i) => [i.label, i.description, i.detail ?? '', i.line]),
    [
      ['$(layers) c/Dockerfile', 'rebuilds from line 2 · 4 steps after it', 'stage 0, layer 1: COPY src ./src', 1],
      ['$(layers) a/Dockerfile', 'rebuilds from line 4 · 1 step after it', 'stage build, layer 2: COPY . .', 3],
      ['$(pass) b/Dockerfile', 'nothing rebuilds · left out by .dockerignore', '', 0],
    ],
  );
  assert.deepEqual(
    impactItems(result, display, korean).map((i) => i.description),
    [
      '2행부터 다시 빌드 · 그 뒤 단계 4개',
      '4행부터 다시 빌드 · 그 뒤 단계 1개',
      '다시 빌드 없음 · .dockerignore가 제외함',
    ],
  );
});

test('build results become the notification; stale results are not re-sent; a removed build clears', () => {
  const outcome: BuildOutcome = {
    dockerfileUri: 'file:///w/Dockerfile',
    stale: false,
    instructions: [
      { startLine: 0, keyword: 'FROM', status: 'cached', durationMs: undefined, sizeBytes: undefined },
      { startLine: 2, keyword: 'RUN', status: 'ran', durationMs: 1500, sizeBytes: 2048 },
      { startLine: 3, keyword: 'RUN', status: 'weird', durationMs: 1, sizeBytes: 1 },
    ],
  };
  assert.deepEqual(buildResultsParams('file:///w/Dockerfile', outcome), {
    uri: 'file:///w/Dockerfile',
    instructions: [
      { line: 0, keyword: 'FROM', status: 'cached', durationMs: undefined, sizeBytes: undefined },
      { line: 2, keyword: 'RUN', status: 'ran', durationMs: 1500, sizeBytes: 2048 },
    ],
  });
  assert.equal(buildResultsParams('file:///w/Dockerfile', { ...outcome, stale: true }), undefined);
  assert.deepEqual(buildResultsParams('file:///w/Dockerfile', undefined), {
    uri: 'file:///w/Dockerfile',
    instructions: [],
  });

  // Forwarding follows the store's change events until disposed.
  const listeners = new Set<(uri: string, r: BuildOutcome | undefined) => void>();
  const store = {
    onDidChange: (l: (uri: string, r: BuildOutcome | undefined) => void) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
  };
  const sent: BuildResultsParams[] = [];
  const forwarding = forwardBuildResults(store, (p) => sent.push(p));
  for (const l of listeners) l('file:///w/Dockerfile', outcome);
  for (const l of listeners) l('file:///w/Dockerfile', { ...outcome, stale: true });
  forwarding.dispose();
  for (const l of listeners) l('file:///w/Dockerfile', undefined);
  assert.deepEqual(
    sent.map((p) => p.instructions.length),
    [2],
  );
});
