import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installAfterBroadCopy } from '../../../core/src/rules/cache/installAfterBroadCopy';
import { fixed, makeContext, ranges, runRule } from '../../helpers/ruleHarness';
import { showRange } from '../../helpers/show';

const rule = installAfterBroadCopy;

test('fires on an install after COPY . . and moves it above with the manifests that exist', () => {
  const text = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n';
  const { context } = makeContext({ 'package.json': '{}', 'package-lock.json': '{}', 'src/': '' });
  const findings = runRule(rule, text, context());
  assert.deepEqual(ranges(findings), ['3:0-3:10']);
  assert.match(findings[0]!.message.en, /`npm ci` runs after `COPY \. \.`: a change to any source file/);
  assert.deepEqual(
    findings[0]!.related?.map((place) => showRange(place.range)),
    ['2:0-2:8'],
  );
  assert.match(findings[0]!.message.ko, /npm ci/);
  assert.equal(
    fixed(text, findings[0]),
    'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\n' +
      'RUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
  );
});

const fires: [string, string, string, string][] = [
  // [name, Dockerfile, finding range, text after the fix ('' = no fix)]
  [
    'yarn with an absolute destination',
    'FROM node\nCOPY ./ /app\nRUN yarn install --frozen-lockfile\n',
    '2:0-2:34',
    'FROM node\nCOPY package.json /app/\nRUN yarn install --frozen-lockfile\nCOPY ./ /app\n',
  ],
  [
    'pip -r',
    'FROM python:3\nWORKDIR /src\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n',
    '3:0-3:50',
    'FROM python:3\nWORKDIR /src\nCOPY requirements.txt ./\n' +
      'RUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n',
  ],
  [
    'go mod download, with --chown kept',
    'FROM golang\nCOPY --chown=1000 * ./\nRUN go mod download\n',
    '2:0-2:19',
    'FROM golang\nCOPY --chown=1000 go.mod ./\nRUN go mod download\nCOPY --chown=1000 * ./\n',
  ],
  [
    'bundle install, with a gem install in the same RUN',
    'FROM ruby\nCOPY . .\nRUN gem install bundler && bundle install\n',
    '2:0-2:41',
    'FROM ruby\nCOPY Gemfile ./\nRUN gem install bundler && bundle install\nCOPY . .\n',
  ],
  ['ADD . as the broad copy', 'FROM php\nADD . /var/www\nRUN composer install\n', '2:0-2:20', ''],
  [
    'a manifest already copied: the fix only moves the install',
    'FROM node\nCOPY package.json ./\nCOPY . .\nRUN npm install\n',
    '3:0-3:15',
    'FROM node\nCOPY package.json ./\nRUN npm install\nCOPY . .\n',
  ],
  ['an install mixed with the build: no fix', 'FROM node\nCOPY . .\nRUN npm ci && npm run build\n', '2:0-2:27', ''],
  ['cargo build needs the sources: no fix', 'FROM rust\nCOPY . .\nRUN cargo build --release\n', '2:0-2:25', ''],
  [
    'python -m pip with pip upgrade first',
    'FROM python\nCOPY . /app\nRUN python -m pip install -U pip && python -m pip install -r requirements.txt\n',
    '2:0-2:77',
    'FROM python\nCOPY requirements.txt /app/\n' +
      'RUN python -m pip install -U pip && python -m pip install -r requirements.txt\nCOPY . /app\n',
  ],
];

for (const [name, text, range, after] of fires) {
  test(`fires: ${name}`, () => {
    const findings = runRule(rule, text);
    assert.deepEqual(ranges(findings), [range]);
    if (after === '') assert.equal(findings[0]!.fixes, undefined);
    else assert.equal(fixed(text, findings[0]), after);
  });
}

test('no fix when the context lacks the manifest (it lives elsewhere)', () => {
  const { context } = makeContext({ 'web/package.json': '{}' });
  const findings = runRule(rule, 'FROM node\nCOPY . .\nRUN npm ci\n', context());
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.fixes, undefined);
});

test('no fix when an ENV between the copy and the install would change what it sees', () => {
  const findings = runRule(rule, 'FROM node\nCOPY . .\nENV NODE_ENV=production\nRUN npm ci\n');
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.fixes, undefined);
});

const nearMisses: [string, string][] = [
  [
    'manifests first, well ordered',
    'FROM node\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
  ],
  ['install in another stage than the copy', 'FROM node AS src\nCOPY . .\nFROM node\nRUN npm ci\n'],
  [
    'COPY --from is not the build context',
    'FROM node AS build\nRUN echo\nFROM node\nCOPY --from=build . .\nRUN npm ci\n',
  ],
  ['a named package is not an install from manifests', 'FROM node\nCOPY . .\nRUN npm install -g typescript\n'],
  ['pip install of a named package', 'FROM python\nCOPY . .\nRUN pip install flask\n'],
  ['copying one folder is not the whole context', 'FROM node\nCOPY src/ ./src/\nRUN npm ci\n'],
  ['a heredoc COPY', 'FROM node\nCOPY <<EOF /app/x\nhi\nEOF\nRUN npm ci\n'],
];

for (const [name, text] of nearMisses) {
  test(`near miss: ${name}`, () => {
    assert.deepEqual(ranges(runRule(rule, text)), []);
  });
}
