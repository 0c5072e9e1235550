// YarnCacheNotCleaned: yarn install / add / global add (and bare `yarn`) in a shipped stage
// without `yarn cache clean` after it, a removal of the cache folder, or a cache mount for it.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { yarnCacheNotCleaned } from '../../core/src/rules/bestPractice/yarnCacheNotCleaned';
import { initShellParser } from '../../core/src/shell';
import { ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const fires = (run: string): string[] => ranges(runRule(yarnCacheNotCleaned, `FROM node:22\nRUN ${run}\n`));

test('downloads without a clean fire at the first install', () => {
  assert.deepEqual(fires('yarn install --frozen-lockfile'), ['1:4-1:16']);
  assert.deepEqual(fires('yarn'), ['1:4-1:8']);
  assert.deepEqual(fires('yarn --production'), ['1:4-1:8']);
  assert.deepEqual(fires('yarn global add serve'), ['1:4-1:15']);
  assert.deepEqual(fires('yarn cache clean && yarn add left-pad'), ['1:24-1:32']);
});

test('a clean after the last install, a removed cache folder or a cache mount stay quiet', () => {
  for (const run of [
    'yarn install && yarn build && yarn cache clean',
    'yarn install; rm -rf /usr/local/share/.cache/yarn',
    'yarn install && rm -rf "$(yarn cache dir)"',
    '--mount=type=cache,target=/usr/local/share/.cache/yarn yarn install',
    '--mount=type=cache,target=/root/.cache yarn install',
    'yarn --version',
    'yarn build',
  ])
    assert.deepEqual(fires(run), [], run);
});

test('builder stages are left alone: their layers are not shipped', () => {
  const text =
    'FROM node:22 AS build\nRUN yarn install\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n';
  assert.deepEqual(runRule(yarnCacheNotCleaned, text), []);
});
