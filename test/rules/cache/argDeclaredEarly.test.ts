import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argDeclaredEarly } from '../../../core/src/rules/cache/argDeclaredEarly';
import { fixed, ranges, runRule } from '../../helpers/ruleHarness';
import { showRange } from '../../helpers/show';

const rule = argDeclaredEarly;

test('fires on the ARG name and moves the ARG down to its first use', () => {
  const text =
    'FROM alpine\nARG VERSION=1.2\nRUN apk add --no-cache curl\n' +
    'RUN apk add --no-cache git\nRUN echo "$VERSION" > /version\n';
  const findings = runRule(rule, text);
  assert.deepEqual(ranges(findings), ['1:4-1:11']);
  assert.match(
    findings[0]!.message.en,
    /ARG VERSION is first used further down: the 2 RUNs between here and there see it/,
  );
  // The first use is a related place, not a line number in the text.
  assert.deepEqual(
    findings[0]!.related?.map((place) => showRange(place.range)),
    ['4:0-4:3'],
  );
  assert.equal(findings[0]!.fixes?.[0]?.title.en, 'Move ARG VERSION down to its first use');
  assert.match(findings[0]!.message.ko, /RUN 2개/);
  assert.equal(
    fixed(text, findings[0]),
    'FROM alpine\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n' +
      'ARG VERSION=1.2\nRUN echo "$VERSION" > /version\n',
  );
});

test('a use in COPY or ENV counts as the first use; one pair of several gets no fix', () => {
  const text = 'FROM alpine\nARG A B\nRUN make\nCOPY app-${B}.tar /\nRUN echo $A\n';
  const findings = runRule(rule, text);
  assert.deepEqual(ranges(findings), ['1:4-1:5', '1:6-1:7']);
  assert.equal(findings[0]!.fixes, undefined);
});

const nearMisses: [string, string][] = [
  ['declared just before its use', 'FROM alpine\nRUN apk add curl\nARG VERSION\nRUN echo $VERSION\n'],
  ['only ENV/LABEL in between, no RUN', 'FROM alpine\nARG VERSION\nLABEL a=b\nENV X=1\nRUN echo $VERSION\n'],
  [
    'never referenced: meant for every RUN (DEBIAN_FRONTEND)',
    'FROM debian\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update && apt-get install -y curl\n',
  ],
  ['a global ARG before FROM', 'ARG VERSION=1\nFROM alpine\nRUN apk add curl\nRUN echo $VERSION\n'],
  ['platform args are predefined', 'FROM alpine\nARG TARGETARCH\nRUN apk add curl\nRUN echo $TARGETARCH\n'],
  ['used only in another stage', 'FROM alpine\nARG V\nRUN make\nFROM alpine\nARG V\nRUN echo $V\n'],
  ['redeclared later before any use', 'FROM alpine\nARG V\nRUN make\nARG V=2\nRUN echo $V\n'],
];

for (const [name, text] of nearMisses) {
  test(`near miss: ${name}`, () => assert.deepEqual(ranges(runRule(rule, text)), []));
}
