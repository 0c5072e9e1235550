// The label-schema rules: value types as hadolint's label-schema names them, labels inherited
// from base stages, strict labels, and nothing at all while the schema is empty.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LabelType } from '../../core/src/rules';
import { hasLabelType } from '../../core/src/rules/bestPractice/labelSchema';
import { labelValueType } from '../../core/src/rules/bestPractice/labelValueType';
import { missingSchemaLabel } from '../../core/src/rules/bestPractice/missingSchemaLabel';
import { unknownLabel } from '../../core/src/rules/bestPractice/unknownLabel';
import { ranges, runRule } from '../helpers/ruleHarness';

test('value types: each accepts its format and refuses near misses', () => {
  const cases: [LabelType, string[], string[]][] = [
    ['url', ['https://example.com/app', 'git+ssh://git@example.com/a.git'], ['example.com', 'https//x', 'a b']],
    [
      'email',
      ['team@example.com', 'a.b+c@sub.example.org', 'NGINX Maintainers <docker@nginx.com>'],
      ['team', 'team@', '@example.com', 'a b@c.d', 'Team <team>'],
    ],
    ['semver', ['1.2.3', '0.1.0-rc.1+build.5'], ['v1.2.3', '1.2', '01.2.3', '1.2.3-']],
    ['hash', ['0a1b2c3', 'e'.repeat(40), 'f'.repeat(64)], ['xyz1234', '0a1b2c', 'e'.repeat(41)]],
    ['rfc3339', ['2024-05-01T12:00:00Z', '2024-02-29t23:59:60.5+09:00'], ['2024-05-01', '2023-02-29T00:00:00Z']],
    [
      'spdx',
      ['MIT', 'Apache-2.0 OR MIT', '(GPL-2.0+ WITH Classpath-exception-2.0) AND LicenseRef-x'],
      ['MIT OR', 'a b'],
    ],
  ];
  for (const [type, good, bad] of cases) {
    for (const value of good) assert.ok(hasLabelType(value, type), `${type}: ${value}`);
    for (const value of bad) assert.ok(!hasLabelType(value, type), `${type} refuses ${value}`);
  }
  assert.ok(hasLabelType('anything at all', 'text'));
});

test('wrong and empty values are flagged where they are written; unknown values are left alone', () => {
  const text = [
    'FROM alpine:3.20',
    'ARG BUILT',
    'LABEL org.opencontainers.image.created=$BUILT',
    'LABEL org.opencontainers.image.url=example.com org.opencontainers.image.title=""',
    'LABEL org.opencontainers.image.licenses="MIT OR Apache-2.0"',
  ].join('\n');
  const labelSchema = {
    'org.opencontainers.image.created': 'rfc3339',
    'org.opencontainers.image.url': 'url',
    'org.opencontainers.image.title': 'text',
    'org.opencontainers.image.licenses': 'spdx',
  } as const;
  const found = runRule(labelValueType, text, undefined, { labelSchema });
  assert.deepEqual(ranges(found), ['3:35-3:46', '3:78-3:80']);
  assert.match(found[1]!.message.en, /is empty/);
  assert.deepEqual(runRule(labelValueType, text), [], 'no schema, no check');
});

test("required labels: the final stage has its base stages' labels; builder stages do not count", () => {
  const labelSchema = {
    'org.opencontainers.image.source': 'url',
    'org.opencontainers.image.version': 'semver',
  } as const;
  const text = [
    'FROM golang:1.23 AS build',
    'LABEL org.opencontainers.image.version=1.0.0',
    'FROM alpine:3.20 AS base',
    'LABEL org.opencontainers.image.source=https://example.com/app',
    'FROM base',
  ].join('\n');
  const found = runRule(missingSchemaLabel, text, undefined, { labelSchema });
  assert.deepEqual(ranges(found), ['4:0-4:9']);
  assert.match(found[0]!.message.en, /org\.opencontainers\.image\.version/);
  const withVersion = `${text}\nLABEL org.opencontainers.image.version=1.0.0\n`;
  assert.deepEqual(runRule(missingSchemaLabel, withVersion, undefined, { labelSchema }), []);
  // A key set from a build argument may be any label.
  const dynamic = 'FROM alpine:3.20\nARG KEY\nLABEL $KEY=1\n';
  assert.deepEqual(runRule(missingSchemaLabel, dynamic, undefined, { labelSchema }), []);
});

test('strict labels: labels outside the schema, only with a schema and strictLabels on', () => {
  const text = 'FROM alpine:3.20\nLABEL a=1 b=2\n';
  assert.deepEqual(ranges(runRule(unknownLabel, text, undefined, { labelSchema: { a: 'text' }, strictLabels: true })), [
    '1:10-1:11',
  ]);
  assert.deepEqual(runRule(unknownLabel, text, undefined, { labelSchema: {}, strictLabels: true }), []);
  assert.deepEqual(runRule(unknownLabel, text, undefined, { labelSchema: { a: 'text' } }), []);
});
