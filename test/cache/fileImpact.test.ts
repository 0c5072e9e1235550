import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseLayers, fileImpact } from '../../core/src/cache';
import { DockerIgnore } from '../../core/src/context/dockerignore';
import { buildModel } from '../../core/src/model';
import { parseText } from '../../core/src/parser';

const NODE_APP = [
  'FROM node:20 AS build', // 0
  'WORKDIR /app',
  'COPY package.json package-lock.json ./', // 2: layer 1
  'RUN npm ci', // 3
  'COPY src/ ./src/', // 4
  'COPY tsconfig.json ./', // 5
  'RUN npm run build', // 6
  'FROM nginx', // 7
  'COPY nginx.conf /etc/nginx/', // 8
  'COPY --from=build /app/dist /usr/share/nginx/html', // 9
  'FROM build AS test', // 10
  'RUN npm test', // 11
  '',
].join('\n');

function impact(text: string, path: string, ignore = '', folder = false): string {
  const analysis = analyseLayers(buildModel(parseText(text).tree));
  const dockerignore = DockerIgnore.parse(ignore);
  const result = fileImpact(analysis, path, (p) => dockerignore.isIgnored(p), { folder });
  return result
    ? `line ${result.first.instruction.range.start.line} +${result.rebuiltAfter}: ` +
        `${result.rebuilt.map((s) => s.instruction.range.start.line).join(',')}`
    : 'nothing';
}

test('a manifest rebuilds from its COPY on, through stages built FROM it and COPY --from it', () => {
  assert.equal(impact(NODE_APP, 'package.json'), 'line 2 +6: 2,3,4,5,6,9,11');
});

test('a source file rebuilds from the COPY of its folder', () => {
  assert.equal(impact(NODE_APP, 'src/app/main.ts'), 'line 4 +4: 4,5,6,9,11');
  assert.equal(impact(NODE_APP, 'tsconfig.json'), 'line 5 +3: 5,6,9,11');
});

test('a file only the final stage copies rebuilds that layer alone', () => {
  assert.equal(impact(NODE_APP, 'nginx.conf'), 'line 8 +1: 8,9');
});

test('files nothing copies, and ignored files, rebuild nothing', () => {
  assert.equal(impact(NODE_APP, 'README.md'), 'nothing');
  assert.equal(impact(NODE_APP, 'src/notes.md', 'src/*.md'), 'nothing');
});

test('the whole-context copy takes every file not ignored', () => {
  const text =
    'FROM python\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n';
  assert.equal(impact(text, 'app.py'), 'line 3 +0: 3');
  assert.equal(impact(text, 'requirements.txt'), 'line 1 +2: 1,2,3');
  assert.equal(impact(text, '.git/HEAD', '.git'), 'nothing');
});

test('globs and folders', () => {
  const text = 'FROM a\nCOPY *.json /cfg/\nRUN x\nCOPY lib /lib\n';
  assert.equal(impact(text, 'a.json'), 'line 1 +2: 1,2,3');
  assert.equal(impact(text, 'sub/a.json'), 'nothing');
  assert.equal(impact(text, 'lib', '', true), 'line 3 +0: 3');
  assert.equal(impact('FROM a\nCOPY lib/a.txt /a\n', 'lib', '', true), 'line 1 +0: 1');
});

test('a stage without layers passes its invalidation on to stages built FROM it', () => {
  const text = 'FROM a AS one\nCOPY x /x\nFROM one AS two\nENV A=1\nFROM two\nRUN y\n';
  assert.equal(impact(text, 'x'), 'line 1 +1: 1,5');
});
