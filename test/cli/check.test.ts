// The built `layerwise check` as a process: exit status, file discovery and globs, standard input,
// unreadable files, settings files and usage errors.
import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CORPUS_DIR } from '../helpers/corpus';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

const BROKEN = 'FROM alpine:3.20\nRUNX echo hi\n';
const CLEAN = 'FROM alpine:3.20\nRUN echo hi\n';

/** `path:line code` of each text-format finding. */
function found(stdout: string): string[] {
  return stdout
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [where, , code] = line.split(' ');
      return `${where!.replace(/:\d+$/, '')} ${code}`;
    });
}

test('a folder is searched for every Dockerfile name the extension knows, and nothing else', () => {
  const names = [
    'Dockerfile',
    'Containerfile',
    'api.dockerfile',
    'db.Containerfile',
    'Dockerfile.dev',
    'Containerfile.prod',
    'nested/deeper/dockerfile',
  ];
  const others = [
    'Dockerfile.dockerignore',
    '.dockerignore',
    'README.md',
    'dockerfile-notes.txt',
    'node_modules/pkg/Dockerfile',
    '.git/Dockerfile',
  ];
  const files: Record<string, string> = {};
  for (const name of [...names, ...others]) files[name] = BROKEN;
  const run = runLayerwise(['check', '.'], { cwd: makeFolder(files) });
  assert.equal(run.status, 1);
  assert.deepEqual(
    found(run.stdout)
      .map((f) => f.split(':')[0])
      .sort(),
    [...names].sort(),
  );
});

test('exit status follows --fail-level; explicit files are checked whatever their name', () => {
  const cwd = makeFolder({ 'broken.txt': BROKEN, 'clean.txt': CLEAN });
  assert.equal(runLayerwise(['check', 'clean.txt'], { cwd }).status, 0);
  assert.equal(runLayerwise(['check', 'broken.txt'], { cwd }).status, 1);
  assert.equal(runLayerwise(['check', 'broken.txt', '--fail-level', 'warning'], { cwd }).status, 1);
  assert.equal(runLayerwise(['check', 'broken.txt', '--fail-level', 'none'], { cwd }).status, 0);
  assert.deepEqual(found(runLayerwise(['check', 'broken.txt', '--fail-level', 'none'], { cwd }).stdout), [
    'broken.txt:2 unknown-instruction',
  ]);
});

test('globs are expanded by the CLI (quoted) and pick files by their own pattern', () => {
  const cwd = makeFolder({
    'svc/a/build.df': BROKEN,
    'svc/b/build.df': BROKEN,
    'svc/b/Dockerfile': BROKEN,
    'svc/top.df': BROKEN,
    'other/c.df': BROKEN,
  });
  assert.deepEqual(found(runLayerwise(['check', 'svc/*/build.df'], { cwd }).stdout), [
    'svc/a/build.df:2 unknown-instruction',
    'svc/b/build.df:2 unknown-instruction',
  ]);
  assert.deepEqual(found(runLayerwise(['check', '**/*.df'], { cwd }).stdout), [
    'other/c.df:2 unknown-instruction',
    'svc/a/build.df:2 unknown-instruction',
    'svc/b/build.df:2 unknown-instruction',
    'svc/top.df:2 unknown-instruction',
  ]);
  assert.deepEqual(found(runLayerwise(['check', `${cwd}/svc/?/Docker*`], { cwd: makeFolder({}) }).stdout), [
    `${cwd}/svc/b/Dockerfile:2 unknown-instruction`,
  ]);
  // The same file named twice is checked once.
  assert.equal(found(runLayerwise(['check', 'svc/top.df', './svc/*.df'], { cwd }).stdout).length, 1);
});

test('a glob that matches nothing is a usage error; the other inputs are still checked', () => {
  const cwd = makeFolder({ Dockerfile: BROKEN });
  const run = runLayerwise(['check', 'nothing/**/*.df', 'Dockerfile'], { cwd });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /layerwise: no files match nothing\/\*\*\/\*\.df/);
  assert.deepEqual(found(run.stdout), ['Dockerfile:2 unknown-instruction']);
});

test('unreadable files: exit 2 with a message naming each, the other files still checked', () => {
  const cwd = makeFolder({ Dockerfile: BROKEN, 'locked/Dockerfile': CLEAN, 'folder.dockerfile/x': '' });
  const locked = join(cwd, 'locked/Dockerfile');
  chmodSync(locked, 0o000);
  const asRoot = process.getuid?.() === 0; // root reads any file regardless of mode
  const run = runLayerwise(['check', 'missing.Dockerfile', 'Dockerfile', 'locked/Dockerfile'], { cwd });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /layerwise: cannot read missing\.Dockerfile: no such file or folder/);
  if (!asRoot) assert.match(run.stderr, /layerwise: cannot read locked\/Dockerfile: permission denied/);
  assert.deepEqual(found(run.stdout), ['Dockerfile:2 unknown-instruction']);
  const korean = runLayerwise(['check', '--lang', 'ko', 'missing.Dockerfile'], { cwd });
  assert.match(korean.stderr, /missing\.Dockerfile을\(를\) 읽을 수 없습니다: 파일이나 폴더가 없습니다/);
});

test('a folder without Dockerfiles is noted, not an error', () => {
  const cwd = makeFolder({ 'README.md': '# hi\n' });
  const run = runLayerwise(['check'], { cwd });
  assert.equal(run.status, 0);
  assert.match(run.stderr, /no Dockerfiles found in \./);
});

test('standard input with -, named by --stdin-filename (its folder gives settings)', () => {
  const cwd = makeFolder({ 'svc/.layerwise.json': '{"diagnostics": {"enable": false}}' });
  const unnamed = runLayerwise(['check', '-'], { cwd, stdin: BROKEN });
  assert.equal(unnamed.status, 1);
  assert.deepEqual(found(unnamed.stdout), ['<stdin>:2 unknown-instruction']);
  const named = runLayerwise(['check', '-', '--stdin-filename', 'app/Dockerfile.web', '--format', 'json'], {
    cwd,
    stdin: BROKEN,
  });
  assert.equal((JSON.parse(named.stdout) as { files: { path: string }[] }).files[0]!.path, 'app/Dockerfile.web');
  const disabled = runLayerwise(['check', '-', '--stdin-filename', 'svc/Dockerfile'], { cwd, stdin: BROKEN });
  assert.equal(disabled.status, 0, 'svc/.layerwise.json applies to a file named into svc/');
  assert.equal(runLayerwise(['check', '-'], { cwd, stdin: CLEAN }).status, 0);
});

test('.layerwise.json is found upward from each file; the nearest one wins', () => {
  const cwd = makeFolder({
    '.layerwise.json': '{"diagnostics": {"enable": false}}',
    'quiet/Dockerfile': BROKEN,
    'loud/.layerwise.json': '{"$schema": "x", "diagnostics": {"enable": true}}',
    'loud/deep/Dockerfile': BROKEN,
  });
  const run = runLayerwise(['check'], { cwd });
  assert.equal(run.status, 1);
  assert.deepEqual(found(run.stdout), ['loud/deep/Dockerfile:2 unknown-instruction']);
  // --config replaces discovery for every file.
  const forced = runLayerwise(['check', '--config', 'loud/.layerwise.json'], { cwd });
  assert.deepEqual(found(forced.stdout), [
    'loud/deep/Dockerfile:2 unknown-instruction',
    'quiet/Dockerfile:2 unknown-instruction',
  ]);
});

test('a settings file with mistakes: exit 2 naming the file and key, valid keys still applied', () => {
  const cwd = makeFolder({
    '.layerwise.json': '{"diagnostics": {"enable": false, "rules": {"X": "loud"}}, "docs": {}}',
    Dockerfile: BROKEN,
  });
  const run = runLayerwise(['check'], { cwd });
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '', 'enable: false still applies');
  assert.match(
    run.stderr,
    new RegExp(
      String.raw`settings file \.layerwise\.json: unknown key "docs" \(only "diagnostics" is read\); ` +
        String.raw`"diagnostics\.rules\.X" must be one of off, info, warning, error, not "loud"`,
    ),
  );
});

test('a settings file that is not JSON: exit 2 naming it; with --config nothing is checked', () => {
  const cwd = makeFolder({ 'sub/.layerwise.json': '{"diagnostics": ', 'sub/Dockerfile': BROKEN, Dockerfile: BROKEN });
  const run = runLayerwise(['check'], { cwd });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /settings file sub\/\.layerwise\.json: not valid JSON/);
  assert.equal(found(run.stdout).length, 2, 'both files checked with the defaults');
  const explicit = runLayerwise(['check', '--config', 'nope.json'], { cwd });
  assert.equal(explicit.status, 2);
  assert.match(explicit.stderr, /settings file nope\.json: no such file or folder/);
  assert.equal(explicit.stdout, '');
});

test('--rule accepts Code=severity and warns about codes no rule has', () => {
  const cwd = makeFolder({ Dockerfile: CLEAN });
  const run = runLayerwise(['check', '--rule', 'NoSuchRule=off'], { cwd });
  assert.equal(run.status, 0);
  assert.match(run.stderr, /--rule NoSuchRule: no rule has this code; it has no effect/);
  const bad = runLayerwise(['check', '--rule', 'NoSuchRule=loud'], { cwd });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--rule "NoSuchRule=loud" must be Code=off\|info\|warning\|error/);
});

test('usage errors exit 2 with a pointer to --help; --help and --version exit 0', () => {
  const cwd = makeFolder({});
  for (const args of [
    [],
    ['lint'],
    ['check', '--format', 'xml'],
    ['check', '--bogus'],
    ['check', '--fail-level', 'fatal'],
    ['check', '-', '-'],
  ]) {
    const run = runLayerwise(args, { cwd });
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, /^layerwise: .+\nSee layerwise --help\.\n$/, args.join(' '));
  }
  assert.match(
    runLayerwise(['check', '--format', 'xml', '--lang', 'ko'], { cwd }).stderr,
    /--format 값 "xml"은\(는\) text, json, sarif, github 중 하나여야 합니다/,
  );
  const help = runLayerwise(['--help'], { cwd });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: layerwise check/);
  assert.match(runLayerwise(['--help', '--lang', 'ko'], { cwd }).stdout, /^사용법: layerwise check/);
  assert.match(runLayerwise(['--version'], { cwd }).stdout, /^\d+\.\d+\.\d+\n$/);
});

test('the official-images corpus passes with exit 0 (no error-severity findings)', () => {
  const run = runLayerwise(['check', '--format', 'json', `${CORPUS_DIR}/**/*`], { cwd: CORPUS_DIR });
  const report = JSON.parse(run.stdout) as { files: unknown[]; summary: { error: number } };
  assert.equal(report.files.length, 218);
  assert.equal(report.summary.error, 0);
  assert.equal(run.status, 0, run.stderr);
});
