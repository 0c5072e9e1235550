// CopyWholeStageRoot: COPY --from of a whole root (`/`, `.`) to `/` in a stage with a base image;
// onto scratch (flattening), partial copies and other destinations stay quiet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyWholeStageRoot } from '../../core/src/rules/bestPractice/copyWholeStageRoot';
import { ranges, runRule } from '../helpers/ruleHarness';

const BUILD = 'FROM golang:1.23 AS build\n';
const fires = (rest: string): string[] => ranges(runRule(copyWholeStageRoot, `${BUILD}${rest}\n`));

test('a whole root copied over a base image fires on the source', () => {
  assert.deepEqual(fires('FROM debian:12\nCOPY --from=build / /'), ['2:18-2:19']);
  assert.deepEqual(fires('FROM debian:12\nCOPY --from=busybox:1.36 . /'), ['2:25-2:26']);
  // A stage built on a stage with a base image has one too.
  assert.deepEqual(fires('FROM debian:12 AS base\nFROM base\nCOPY --from=build / /'), ['3:18-3:19']);
});

test('flattening onto scratch, partial copies and other destinations stay quiet', () => {
  for (const rest of [
    'FROM scratch\nCOPY --from=build / /',
    'FROM scratch AS flat\nCOPY --from=build / /\nFROM flat\nRUN true',
    'FROM debian:12\nCOPY --from=build /app /app',
    'FROM debian:12\nCOPY --from=build / /rootfs/',
    'FROM debian:12\nCOPY / /',
  ])
    assert.deepEqual(fires(rest), [], rest);
});
