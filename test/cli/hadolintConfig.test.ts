// The built `layerwise check` with hadolint's config and pragmas: .hadolint.yaml found beside the
// Dockerfiles or given with --config, its failure threshold as the fail level, .layerwise.json
// winning, a broken file named with its line, and inline pragmas.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

// Untagged base image (BaseImageLatestTag, hadolint DL3006) and MAINTAINER (MaintainerDeprecated, DL4000).
const DOCKERFILE = 'FROM alpine\nMAINTAINER someone\n';

/** `line code severity` of each text-format finding. */
function found(stdout: string): string[] {
  return stdout
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [where, severity, code] = line.split(' ');
      return `${where!.split(':')[1]} ${code} ${severity}`;
    });
}

test('a .hadolint.yaml beside the Dockerfile: ignored and override apply, unsupported keys are noted once', () => {
  const cwd = makeFolder({
    '.hadolint.yaml': [
      'ignored:',
      '  - DL3006',
      'override:',
      '  error:',
      '    - DL4000',
      'trustedRegistries:',
      '  - quay.io',
      'format: json',
    ].join('\n'),
    Dockerfile: DOCKERFILE,
    'api/Dockerfile': DOCKERFILE,
  });
  const run = runLayerwise(['check'], { cwd });
  assert.equal(run.status, 1);
  // trustedRegistries applies: alpine comes from docker.io, which the list leaves out.
  assert.deepEqual(found(run.stdout), [
    '1 DisallowedRegistry warning',
    '2 MaintainerDeprecated error',
    '1 DisallowedRegistry warning',
    '2 MaintainerDeprecated error',
  ]);
  const notes = run.stderr.split('\n').filter((line) => line.includes('"format"'));
  assert.deepEqual(notes, [
    'layerwise: settings file .hadolint.yaml: "format" is a hadolint output option; Layerwise\'s own options apply',
  ]);
});

test('failure-threshold is the fail level unless --fail-level is given; no-fail never fails', () => {
  const cwd = makeFolder({ '.hadolint.yaml': 'failure-threshold: error\n', Dockerfile: DOCKERFILE });
  assert.equal(runLayerwise(['check'], { cwd }).status, 0, 'warnings stay under the error threshold');
  assert.equal(runLayerwise(['check', '--fail-level', 'warning'], { cwd }).status, 1, 'the command line wins');
  const noFail = makeFolder({
    '.hadolint.yml': 'no-fail: true\noverride:\n  error: [DL4000]\n',
    Dockerfile: DOCKERFILE,
  });
  assert.equal(runLayerwise(['check'], { cwd: noFail }).status, 0);
  const strict = makeFolder({
    '.hadolint.yaml': 'failure-threshold: info\n',
    Dockerfile: 'FROM alpine:3.20\nRUN cd /tmp && make\n',
  });
  assert.equal(runLayerwise(['check'], { cwd: strict }).status, 1, 'CdInsteadOfWorkdir (info) fails at info');
  assert.equal(runLayerwise(['check', '--fail-level', 'error'], { cwd: strict }).status, 0);
});

test('--config takes a hadolint file; a .layerwise.json beside one wins rule by rule', () => {
  const cwd = makeFolder({
    'ci/hadolint.yaml': 'ignored: [DL3006, DL4000]\n',
    Dockerfile: DOCKERFILE,
  });
  assert.deepEqual(found(runLayerwise(['check'], { cwd }).stdout).length, 2);
  const explicit = runLayerwise(['check', '--config', 'ci/hadolint.yaml'], { cwd });
  assert.equal(explicit.status, 0);
  assert.equal(explicit.stdout, '');

  const both = makeFolder({
    '.hadolint.yaml': 'ignored: [DL3006, DL4000]\n',
    '.layerwise.json': '{"diagnostics": {"rules": {"BaseImageLatestTag": "error"}}}',
    Dockerfile: DOCKERFILE,
  });
  assert.deepEqual(found(runLayerwise(['check'], { cwd: both }).stdout), ['1 BaseImageLatestTag error']);
});

test('a malformed .hadolint.yaml: exit 2 naming the file and line; with --config nothing is checked', () => {
  const cwd = makeFolder({ '.hadolint.yaml': 'ignored:\n  - DL3006\n override: [\n', Dockerfile: DOCKERFILE });
  const run = runLayerwise(['check'], { cwd });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /settings file \.hadolint\.yaml: line 3: not valid YAML \(.+\)/);
  assert.equal(found(run.stdout).length, 2, 'checked with the defaults');
  const explicit = runLayerwise(['check', '--config', '.hadolint.yaml'], { cwd });
  assert.equal(explicit.status, 2);
  assert.equal(explicit.stdout, '');
});

test('inline hadolint and droast pragmas silence the equivalent rules in the CLI', () => {
  const cwd = makeFolder({
    Dockerfile: [
      '# hadolint global ignore=DL3006',
      'FROM alpine',
      '# droast ignore=DF019 reason="legacy label"',
      'MAINTAINER someone',
      'MAINTAINER someone else',
      '# hadolint ignore=DL3011',
      'EXPOSE 99999',
    ].join('\n'),
  });
  const run = runLayerwise(['check', '--fail-level', 'none'], { cwd });
  assert.deepEqual(found(run.stdout), ['5 MaintainerDeprecated warning', '7 invalid-port error']);
});
