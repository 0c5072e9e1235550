import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { dockerignoreIncomplete } from '../../../core/src/rules/cache/dockerignoreIncomplete';
import { dockerignoreMissing } from '../../../core/src/rules/cache/dockerignoreMissing';
import { makeContext, ranges, runRule } from '../../helpers/ruleHarness';
import { applyEdits } from '../../helpers/textEdits';

const broad = 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm run build\n';

test('DockerignoreMissing fires on the whole-context copy and creates .dockerignore', () => {
  const { root, context } = makeContext({ 'package.json': '{}', '.git/': '', 'dist/': '' });
  const findings = runRule(dockerignoreMissing, broad, context());
  assert.deepEqual(ranges(findings), ['2:0-2:8']);
  assert.deepEqual(findings[0]!.fixes![0]!.createFile, {
    path: join(root, '.dockerignore'),
    text: '.git\nnode_modules\ndist\n',
  });
  assert.match(findings[0]!.message.en, /no \.dockerignore/);
});

test('DockerignoreMissing: near misses', () => {
  assert.deepEqual(runRule(dockerignoreMissing, broad), [], 'no build context (untitled)');
  assert.deepEqual(
    runRule(dockerignoreMissing, 'FROM node\nCOPY src/ /app/src/\n', makeContext({ 'package.json': '{}' }).context()),
    [],
    'no whole-context copy',
  );
  assert.deepEqual(
    runRule(dockerignoreMissing, broad, makeContext({ '.dockerignore': '.git\n' }).context()),
    [],
    '.dockerignore exists',
  );
  assert.deepEqual(
    runRule(dockerignoreMissing, 'FROM node AS b\nRUN x\nFROM node\nCOPY --from=b . .\n', makeContext({}).context()),
    [],
    'COPY --from',
  );
  assert.deepEqual(
    runRule(dockerignoreMissing, broad, makeContext({ 'Dockerfile.dockerignore': 'x\n' }).context()),
    [],
    '<Dockerfile>.dockerignore',
  );
});

test('DockerignoreIncomplete lists what is not excluded and appends it', () => {
  const ignore = '# local\nnode_modules';
  const { root, context } = makeContext({
    '.dockerignore': ignore,
    'package.json': '{}',
    '.git/': '',
    'node_modules/': '',
    'dist/': '',
    'src/': '',
  });
  const findings = runRule(dockerignoreIncomplete, broad, context());
  assert.deepEqual(ranges(findings), ['2:0-2:8']);
  assert.match(findings[0]!.message.en, /copies \.git, dist into the layer/);
  const [edit] = findings[0]!.fixes![0]!.fileEdits!;
  assert.equal(edit!.path, join(root, '.dockerignore'));
  assert.equal(applyEdits(ignore, edit!.edits), '# local\nnode_modules\n.git\ndist\n');
});

test('DockerignoreIncomplete: near misses', () => {
  const complete = makeContext({
    '.dockerignore': '.git\nnode_modules\n/dist/\n',
    'package.json': '{}',
    '.git/': '',
    'dist/': '',
  });
  assert.deepEqual(runRule(dockerignoreIncomplete, broad, complete.context()), [], 'everything excluded');
  const pythonOnly = makeContext({ '.dockerignore': '.git\n', 'requirements.txt': '', 'build/': '' });
  assert.deepEqual(
    runRule(dockerignoreIncomplete, broad, pythonOnly.context()),
    [],
    'build/ is not output without a JS or Gradle project',
  );
  const globbed = makeContext({ '.dockerignore': '**/.git\n**/node_modules\n', 'package.json': '{}', '.git/': '' });
  assert.deepEqual(runRule(dockerignoreIncomplete, broad, globbed.context()), [], '** patterns');
  assert.deepEqual(
    runRule(
      dockerignoreIncomplete,
      'FROM node\nCOPY package.json ./\n',
      makeContext({ '.dockerignore': '', '.git/': '' }).context(),
    ),
    [],
    'no whole-context copy',
  );
});
