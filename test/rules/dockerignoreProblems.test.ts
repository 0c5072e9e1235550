// invalid-dockerignore and DockerignoreUnsupportedPattern: the .dockerignore lines BuildKit fails
// on (or Layerwise cannot evaluate), reported once each on the Dockerfile's first FROM. And
// CopyIgnoredFile on the context root, as BuildKit decides it.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { invalidDockerignore } from '../../core/src/rules/builder/invalidDockerignore';
import { CopyIgnoredFile } from '../../core/src/rules/buildkit/CopyIgnoredFile';
import { dockerignoreUnsupportedPattern } from '../../core/src/rules/cache/dockerignoreUnsupportedPattern';
import { makeContext, ranges, runRule } from '../helpers/ruleHarness';
import { showRange } from '../helpers/show';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function contextWith(files: Record<string, string>): ReturnType<typeof makeContext> {
  const made = makeContext(files);
  roots.push(made.root);
  return made;
}

const DOCKERFILE = '# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM $BASE\nCOPY . .\n';

test('each line docker build fails on, once, on the first FROM, with the file, line and reason', () => {
  const { root, context } = contextWith({ '.dockerignore': 'node_modules\n[z-a]\n!\n\na[\nfoo\\b\n*.log\r\n[z-a]\n' });
  const findings = runRule(invalidDockerignore, DOCKERFILE, context());
  assert.deepEqual(ranges(findings), ['2:0-2:4', '2:0-2:4', '2:0-2:4', '2:0-2:4']);
  assert.deepEqual(
    findings.map((f) => f.message.en.slice(0, f.message.en.indexOf(':'))),
    ['.dockerignore line 2', '.dockerignore line 3', '.dockerignore line 5', '.dockerignore line 8'],
  );
  assert.match(findings[0]!.message.en, /`\[z-a\]`.*invalid character class range.*syntax error in pattern/);
  assert.match(findings[1]!.message.en, /illegal exclusion pattern: "!"/);
  assert.match(findings[2]!.message.en, /a `\[` is never closed/);
  assert.match(findings[0]!.message.ko, /^\.dockerignore 2번째 줄: /);
  // The line itself, as related information (a CRLF ends line 7 of the file, not inside it).
  assert.deepEqual(
    findings.map((f) => f.related?.map((place) => `${place.path}:${showRange(place.range)}`)),
    [
      [`${join(root, '.dockerignore')}:1:0-1:5`],
      [`${join(root, '.dockerignore')}:2:0-2:1`],
      [`${join(root, '.dockerignore')}:4:0-4:2`],
      [`${join(root, '.dockerignore')}:7:0-7:5`],
    ],
  );
});

test('what Layerwise cannot evaluate is a warning of its own rule, not a build error', () => {
  const { context } = contextWith({ '.dockerignore': 'foo\\b\nbar\n' });
  assert.deepEqual(runRule(invalidDockerignore, DOCKERFILE, context()), []);
  const findings = runRule(dockerignoreUnsupportedPattern, DOCKERFILE, context());
  assert.deepEqual(ranges(findings), ['2:0-2:4']);
  assert.match(findings[0]!.message.en, /^\.dockerignore line 1: .*word boundary/);
});

test('the Dockerfile-specific ignore file is the one named; without FROM the first instruction carries it', () => {
  const { context } = contextWith({ 'Dockerfile.dockerignore': '!\n', '.dockerignore': '[z-a]\n' });
  const findings = runRule(invalidDockerignore, 'ARG X\nRUN true\n', context());
  assert.deepEqual(ranges(findings), ['0:0-0:3']);
  assert.match(findings[0]!.message.en, /^Dockerfile\.dockerignore line 1: /);
});

test('quiet on a valid .dockerignore, without one, and without a build context', () => {
  assert.deepEqual(
    runRule(
      invalidDockerignore,
      DOCKERFILE,
      contextWith({ '.dockerignore': '**/*.log\n!keep.log\n[a-z]*\n' }).context(),
    ),
    [],
  );
  assert.deepEqual(runRule(invalidDockerignore, DOCKERFILE, contextWith({ 'README.md': '' }).context()), []);
  assert.deepEqual(runRule(invalidDockerignore, DOCKERFILE), []);
});

test('CopyIgnoredFile: copying the context root warns only when a pattern leaves out all of it (*, **, **/*)', () => {
  const root = (ignore: string): string[] =>
    ranges(
      runRule(
        CopyIgnoredFile,
        'FROM alpine\nCOPY . /app\nCOPY ./ /srv\n',
        contextWith({ '.dockerignore': ignore }).context(),
      ),
    );
  assert.deepEqual(root('*\n'), ['1:5-1:6', '2:5-2:7']);
  assert.deepEqual(root('**\n'), ['1:5-1:6', '2:5-2:7']);
  assert.deepEqual(root('node_modules\n**/*\n'), ['1:5-1:6', '2:5-2:7']);
  assert.deepEqual(root('*.log\nnode_modules\n'), []);
  // With a `!` line BuildKit checks nothing.
  assert.deepEqual(root('*\n!src\n'), []);
});
