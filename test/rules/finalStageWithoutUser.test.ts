// FinalStageWithoutUser (off by default): no USER anywhere in the final stage's chain, unlike
// FinalStageUserRoot, which reports an explicit USER root at the end.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { finalStageUserRoot } from '../../core/src/rules/bestPractice/finalStageUserRoot';
import { finalStageWithoutUser } from '../../core/src/rules/bestPractice/finalStageWithoutUser';
import { ranges, runRule } from '../helpers/ruleHarness';

describe('FinalStageWithoutUser', () => {
  test('fires on the final FROM when no USER is set in its chain of stages', () => {
    const text = 'FROM golang:1.23 AS build\nUSER 1000\nRUN go build\nFROM debian:12\nCOPY --from=build /app /app\n';
    assert.deepEqual(ranges(runRule(finalStageWithoutUser, text)), ['3:0-3:14']);
  });

  test('stays quiet with a USER in the chain, on non-root images, and where an entrypoint drops privileges', () => {
    const quiet = [
      'FROM debian:12 AS base\nUSER app\nFROM base\nCMD ["app"]\n',
      'FROM gcr.io/distroless/base-debian12:nonroot\nCOPY app /\n',
      'FROM debian:12\nRUN apt-get install -y gosu\nENTRYPOINT ["entrypoint.sh"]\n',
      'FROM alpine:3.20\nRUN apk add --no-cache su-exec\n',
    ];
    for (const text of quiet) assert.deepEqual(ranges(runRule(finalStageWithoutUser, text)), [], text);
  });

  test('leaves an explicit USER root to FinalStageUserRoot', () => {
    const text = 'FROM debian:12\nUSER root\n';
    assert.deepEqual(ranges(runRule(finalStageWithoutUser, text)), []);
    assert.equal(runRule(finalStageUserRoot, text).length, 1);
  });
});
