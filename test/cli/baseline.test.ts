// `--baseline FILE` and `--update-baseline`, run as a process: recorded findings stay hidden when
// lines move, new ones are reported, a broken baseline file is a clear usage error; SARIF results
// carry the same fingerprints.
import assert from 'node:assert/strict';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type * as Sarif from 'sarif';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

const OLD = 'FROM alpine:3.20\nMAINTAINER me\nRUN apk add curl\n';

/** `code line` of each text-format finding. */
function found(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => `${line.split(' ')[2]} ${line.split(':')[1]}`);
}

test('--update-baseline records the findings; later runs report only new ones, wherever lines moved', () => {
  const root = makeFolder({ Dockerfile: OLD });
  const update = runLayerwise(['check', '--baseline', 'base.json', '--update-baseline'], { cwd: root });
  assert.equal(update.status, 0, update.stderr);
  assert.equal(update.stdout, '');
  const written = JSON.parse(readFileSync(join(root, 'base.json'), 'utf8'));
  assert.equal(written.version, 1);
  assert.ok(written.findings.some((f: { code: string }) => f.code === 'MaintainerDeprecated'));
  assert.match(update.stderr, new RegExp(`wrote ${written.findings.length} findings? to the baseline base\\.json`));

  const same = runLayerwise(['check', '--baseline', 'base.json', '--fail-level', 'info'], { cwd: root });
  assert.equal(same.status, 0, same.stderr);
  assert.equal(same.stdout, '');
  assert.match(same.stderr, /already in the baseline not shown/);

  // The old instructions move down and are re-indented; one new finding comes in.
  writeFileSync(
    join(root, 'Dockerfile'),
    [
      'FROM alpine:3.20',
      '',
      '# moved',
      'ADD https://example.com/a.tgz /a',
      '  MAINTAINER   me',
      'RUN apk add curl',
      'MAINTAINER you',
      '',
    ].join('\n'),
  );
  const moved = runLayerwise(['check', '--baseline', 'base.json', '--fail-level', 'warning'], { cwd: root });
  const codes = found(moved.stdout);
  assert.ok(codes.includes('MaintainerDeprecated 7'), moved.stdout);
  assert.ok(!codes.includes('MaintainerDeprecated 5'), moved.stdout);
  assert.ok(!codes.some((code) => code.endsWith(' 6')), moved.stdout);
  assert.equal(moved.status, 1);
});

test('the same instruction twice: the baseline hides as many findings as it recorded', () => {
  const root = makeFolder({ Dockerfile: 'FROM alpine:3.20\nMAINTAINER me\n' });
  runLayerwise(['check', '--baseline', 'b.json', '--update-baseline'], { cwd: root });
  writeFileSync(join(root, 'Dockerfile'), 'FROM alpine:3.20\nMAINTAINER me\nMAINTAINER me\n');
  const run = runLayerwise(['check', '--baseline', 'b.json', '--fail-level', 'none'], { cwd: root });
  assert.deepEqual(
    found(run.stdout).filter((code) => code.startsWith('Maintainer')),
    ['MaintainerDeprecated 3'],
  );
});

test('a missing, malformed or foreign baseline file is a usage error that says what is wrong', () => {
  const root = makeFolder({
    Dockerfile: OLD,
    'bad.json': '{"version": 1, "findings": [',
    'other.json': '{"version": 7, "findings": []}',
    'shape.json': '{"version": 1, "findings": [{"code": 1}]}',
    'list.json': '[]',
  });
  const cases: [string, RegExp][] = [
    ['missing.json', /baseline missing\.json: cannot be read: .*--update-baseline/],
    ['bad.json', /baseline bad\.json: not valid JSON/],
    ['other.json', /baseline other\.json: version 7 is not 1/],
    ['shape.json', /baseline shape\.json: a finding has no "fingerprint" text/],
    ['list.json', /baseline list\.json: not a layerwise baseline/],
  ];
  for (const [file, message] of cases) {
    const run = runLayerwise(['check', '--baseline', file], { cwd: root });
    assert.equal(run.status, 2, file);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /internal error|at .*\.js:\d+/);
  }
  const ko = runLayerwise(['check', '--baseline', 'bad.json', '--lang', 'ko'], { cwd: root });
  assert.match(ko.stderr, /기준선 파일 bad\.json: 올바른 JSON이 아닙니다/);
  const alone = runLayerwise(['check', '--update-baseline'], { cwd: root });
  assert.equal(alone.status, 2);
  assert.match(alone.stderr, /--update-baseline needs --baseline <file>/);
});

test('a huge baseline file is refused without being read', () => {
  const root = makeFolder({ Dockerfile: OLD });
  const huge = join(root, 'huge.json');
  writeFileSync(huge, '');
  // A sparse file: 65 MB long, nothing written.
  truncateSync(huge, 65 * 1024 * 1024);
  const run = runLayerwise(['check', '--baseline', 'huge.json'], { cwd: root });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /baseline huge\.json: larger than 64 MB/);
});

test('sarif: results carry the fingerprints as partialFingerprints; rules carry category and equivalents', () => {
  const root = makeFolder({ Dockerfile: OLD });
  const sarif = JSON.parse(runLayerwise(['check', '--format', 'sarif'], { cwd: root }).stdout) as Sarif.Log;
  const json = JSON.parse(runLayerwise(['check', '--format', 'json'], { cwd: root }).stdout);
  const run = sarif.runs[0]!;
  assert.deepEqual(
    run.results!.map((result) => result.partialFingerprints?.['layerwise/v1']),
    json.files[0].findings.map((finding: { fingerprint: string }) => finding.fingerprint),
  );
  const rule = run.tool.driver.rules!.find((r) => r.id === 'MaintainerDeprecated')!;
  assert.equal(typeof rule.properties?.category, 'string');
  assert.ok(Array.isArray(rule.properties?.equivalents));
  const withEquivalent = run.tool.driver.rules!.find(
    (r) => ((r.properties?.equivalents ?? []) as unknown[]).length > 0,
  );
  assert.ok(withEquivalent, 'some rule names the same check in another tool');
  assert.match(
    JSON.stringify(withEquivalent!.properties!.equivalents),
    /"tool":"(buildkit|hadolint|droast|shellcheck)"/,
  );
  const finding = json.files[0].findings.find((f: { code: string }) => f.code === 'MaintainerDeprecated');
  assert.equal(finding.category, rule.properties!.category);
});
