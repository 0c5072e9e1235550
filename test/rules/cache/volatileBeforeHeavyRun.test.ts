import assert from 'node:assert/strict';
import { test } from 'node:test';
import { volatileBeforeHeavyRun } from '../../../core/src/rules/cache/volatileBeforeHeavyRun';
import { fixed, ranges, runRule } from '../../helpers/ruleHarness';
import { showRange } from '../../helpers/show';

const rule = volatileBeforeHeavyRun;

test('a version LABEL before apt-get install: fires on the pair and moves the LABEL to the end of the stage', () => {
  const text =
    'FROM debian\nLABEL org.opencontainers.image.version=1.4.2\n' +
    'RUN apt-get update && apt-get install -y curl\nCMD ["curl"]\n\nFROM scratch\n';
  const findings = runRule(rule, text);
  assert.deepEqual(ranges(findings), ['1:6-1:44']);
  assert.match(
    findings[0]!.message.en,
    /LABEL org\.opencontainers\.image\.version changes from one build to the next.*slow RUN \(`apt-get install`\)/,
  );
  assert.deepEqual(
    findings[0]!.related?.map((place) => showRange(place.range)),
    ['2:0-2:45'],
  );
  assert.equal(
    fixed(text, findings[0]),
    'FROM debian\nRUN apt-get update && apt-get install -y curl\nCMD ["curl"]\n' +
      'LABEL org.opencontainers.image.version=1.4.2\n\nFROM scratch\n',
  );
});

const fires: [string, string, string][] = [
  [
    'ENV with a version, unused by the install',
    'FROM debian\nENV APP_VERSION=2.0\nRUN apt-get update && apt-get install -y curl\n',
    '1:4-1:19',
  ],
  [
    'LABEL with a build date variable',
    'FROM alpine\nARG BUILD_DATE\nLABEL created=$BUILD_DATE\nRUN apk add --no-cache git\n',
    '2:6-2:25',
  ],
  [
    'COPY . . before system packages',
    'FROM debian\nCOPY . /src\nRUN apt-get update && apt-get install -y gcc\n',
    '1:0-1:11',
  ],
  [
    'ENV version before a dependency install',
    'FROM node\nENV APP_VERSION=3\nCOPY package.json ./\nRUN npm ci\n',
    '1:4-1:17',
  ],
];
for (const [name, text, range] of fires) {
  test(`fires: ${name}`, () => assert.deepEqual(ranges(runRule(rule, text)), [range]));
}

const nearMisses: [string, string][] = [
  ['the RUN uses the version', 'FROM debian\nENV NODE_VERSION=20.1.0\nRUN apt-get install -y nodejs=$NODE_VERSION\n'],
  [
    'used through a derived ENV',
    'FROM debian\nENV PHP_VERSION=8.3.1\nENV PHP_URL=https://php.net/php-${PHP_VERSION}.tar.xz\n' +
      'RUN apt-get install -y curl && curl -o php.tar.xz "$PHP_URL"\n',
  ],
  [
    'the LABEL comes after the heavy RUN',
    'FROM debian\nRUN apt-get update && apt-get install -y curl\nLABEL version=1.0\n',
  ],
  [
    'a stable ENV',
    'FROM debian\nENV LANG=C.UTF-8 PATH=/opt/bin:$PATH\nRUN apt-get update && apt-get install -y curl\n',
  ],
  ['the RUN after it is light', 'FROM debian\nLABEL version=1\nRUN echo hi\n'],
  ['COPY . . before a dependency install is the other rule', 'FROM node\nCOPY . .\nRUN npm ci\n'],
  ['heavy RUN in the next stage', 'FROM debian AS a\nLABEL version=1\nFROM debian\nRUN apt-get install -y curl\n'],
];
for (const [name, text] of nearMisses) {
  test(`near miss: ${name}`, () => assert.deepEqual(ranges(runRule(rule, text)), []));
}
