// The command line reads each Dockerfile's build context as docker build would: a folder it
// cannot read, or an unreadable .dockerignore, fails the run (exit 2) with a message naming it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CLI_PATH, type CliRun, makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

const CLEAN = 'FROM alpine:3.20\nCOPY . /app\n';

// Root reads any folder whatever its mode: as root, the run drops to the `nobody` user.
const asRoot = process.getuid?.() === 0;
const setpriv = asRoot && spawnSync('setpriv', ['--version']).status === 0;
const NOBODY = 65534;

function runUnprivileged(args: readonly string[], cwd: string): CliRun {
  if (!asRoot) return runLayerwise(args, { cwd });
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const result = spawnSync(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, CLI_PATH, ...args],
    { cwd, env, encoding: 'utf8', timeout: 30_000 },
  );
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('an unreadable .dockerignore: exit 2 with a message naming it (the Dockerfile is still checked)', () => {
  // A folder by that name cannot be read as a file, even by root.
  const cwd = makeFolder({ 'app/Dockerfile': 'FROM alpine:3.20\nRUNX echo\n', 'app/.dockerignore/x': '' });
  const run = runLayerwise(['check', 'app/Dockerfile'], { cwd });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /layerwise: cannot read app\/\.dockerignore: it is a folder; its patterns were not applied/);
  assert.match(run.stdout, /app\/Dockerfile:2:1 .*unknown-instruction/);
  const korean = runLayerwise(['check', '--lang', 'ko', 'app/Dockerfile'], { cwd });
  assert.equal(korean.status, 2);
  assert.match(korean.stderr, /app\/\.dockerignore을\(를\) 읽을 수 없습니다: 파일이 아니라 폴더입니다/);
});

test('an unreadable folder in the build context: exit 2 with a message naming it, once per context', {
  skip:
    asRoot && !setpriv
      ? 'running as root without setpriv: root reads any folder, so none can be made unreadable'
      : false,
}, () => {
  const cwd = makeFolder({ Dockerfile: CLEAN, 'api.dockerfile': CLEAN, 'secret/key.pem': '', 'src/main.c': '' });
  chmodSync(cwd, 0o755); // mkdtemp makes it private to its owner
  chmodSync(join(cwd, 'secret'), 0o000);
  try {
    const run = runUnprivileged(['check', 'Dockerfile', 'api.dockerfile'], cwd);
    assert.equal(run.status, 2, run.stderr);
    const messages = run.stderr.split('\n').filter((line) => line.includes('in the build context'));
    assert.deepEqual(messages, [
      'layerwise: cannot read secret in the build context: permission denied; ' +
        'its files were not checked (docker build would fail to send it)',
    ]);
    assert.match(run.stderr, / 2 files /, 'both Dockerfiles are still checked');

    // Left out by .dockerignore, the folder is never read: nothing to report (as with docker build).
    writeFileSync(join(cwd, '.dockerignore'), 'secret\n');
    const ignored = runUnprivileged(['check', 'Dockerfile'], cwd);
    assert.equal(ignored.status, 0, ignored.stderr);
  } finally {
    chmodSync(join(cwd, 'secret'), 0o755);
  }
});

test('a readable context: exit status unchanged', () => {
  const cwd = makeFolder({ Dockerfile: CLEAN, 'src/a/b/c.txt': '', '.dockerignore': 'src/a\n' });
  const run = runLayerwise(['check'], { cwd });
  assert.equal(run.status, 0, run.stderr);
});
