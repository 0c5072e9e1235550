// .hadolint.yaml read as Layerwise settings: codes mapped through the rules' equivalents, the fail
// level, notes for what is not honoured, hostile files, and how it sits under .layerwise.json.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  checkHadolintConfig,
  MAX_HADOLINT_CONFIG_BYTES,
  readHadolintConfig,
  rulesForHadolintCode,
} from '../../core/src/engine/hadolintConfig';
import { ProjectConfigs, readConfigFile } from '../../core/src/engine/projectConfig';
import { RULES } from '../../core/src/rules';
import { makeFolder, removeFolders } from '../helpers/cli';

after(removeFolders);

/** The rules recording `id` as a hadolint or ShellCheck equivalent, worked out here from RULES. */
const expectedRules = (id: string): string[] =>
  RULES.filter((rule) => rule.equivalents.some((same) => same.tool !== 'buildkit' && same.id === id)).map(
    (rule) => rule.code,
  );

test('hadolint codes map to every rule that records them, whichever of its equivalents is named', () => {
  assert.deepEqual(rulesForHadolintCode('DL3006'), ['BaseImageLatestTag']);
  assert.deepEqual(rulesForHadolintCode('dl3007'), ['BaseImageLatestTag']);
  for (const id of ['DL4003', 'DL4004', 'DL3012']) assert.deepEqual(rulesForHadolintCode(id), expectedRules(id), id);
  assert.ok(rulesForHadolintCode('DL3012').includes('MultipleInstructionsDisallowed'));
  assert.deepEqual(rulesForHadolintCode('DL9999'), []);
});

test('a team config: ignored and override map onto rule severities, ignored winning', () => {
  const config = checkHadolintConfig(
    [
      '# Shared by CI and editors',
      'ignored:',
      '  - DL3006',
      '  - DL3026',
      'override:',
      '  error:',
      '    - DL3020',
      '    - DL3006',
      '  warning: [DL4000]',
      '  style:',
      '    - DL3059',
      'failure-threshold: warning',
      'trustedRegistries:',
      '  - docker.io',
      '  - my-company.com:5000',
      'label-schema:',
      '  author: text',
      '  version: semver',
      'strict-labels: true',
      'no-color: true',
    ].join('\n'),
  );
  assert.equal(config.unusable, false);
  assert.deepEqual(config.problems, []);
  assert.deepEqual(config.settings, {
    'layerwise.diagnostics.rules': {
      AddInsteadOfCopy: 'error',
      BaseImageLatestTag: 'off',
      DisallowedRegistry: 'off',
      MaintainerDeprecated: 'warning',
      ConsecutiveRunInstructions: 'info',
    },
    'layerwise.diagnostics.allowedRegistries': ['docker.io', 'my-company.com:5000'],
    'layerwise.diagnostics.labelSchema': { author: 'text', version: 'semver' },
    'layerwise.diagnostics.strictLabels': true,
  });
  assert.equal(config.failLevel, 'warning');
  assert.deepEqual(config.notes, ['"no-color" is a hadolint output option; Layerwise\'s own options apply']);
});

test('failure-threshold and no-fail give the fail level; an empty file is a valid, empty config', () => {
  const levels: [string, string | undefined][] = [
    ['failure-threshold: error', 'error'],
    ['failure-threshold: info', 'info'],
    ['failure-threshold: style', 'hint'],
    ['failure-threshold: ignore', 'none'],
    ['failure-threshold: none', 'none'],
    ['failure-threshold: warning\nno-fail: true', 'none'],
    ['no-fail: false', undefined],
    ['', undefined],
    ['# only a comment\n', undefined],
  ];
  for (const [text, level] of levels) {
    const config = checkHadolintConfig(text);
    assert.deepEqual([config.failLevel, config.problems, config.unusable], [level, [], false], text);
  }
});

test('wrong values are named; unknown keys are noted, as hadolint ignores them', () => {
  const config = checkHadolintConfig(
    'ignored: DL3008\noverride:\n  fatal: [DL3008]\n  error: [1]\n' +
      'failure-threshold: loud\nno-fail: yes please\nextra: 1\n',
  );
  assert.equal(config.unusable, false);
  assert.deepEqual(config.problems, [
    'unknown level "override.fatal" (use error, warning, info or style)',
    '"override.error" must be a list of rule codes, e.g. [DL3008]',
    '"ignored" must be a list of rule codes, e.g. [DL3008]',
    '"failure-threshold" must be one of error, warning, info, style, ignore or none',
    '"no-fail" must be true or false',
  ]);
  assert.deepEqual(config.notes, ['unknown key "extra" is ignored']);
});

test('malformed and hostile YAML: a clear problem with the line, never a throw or a hang', () => {
  const broken = checkHadolintConfig('ignored:\n  - DL3008\n override: [\n');
  assert.equal(broken.unusable, true);
  assert.match(broken.problems[0]!, /^line \d+: not valid YAML \(.+\)$/);
  const tabs = checkHadolintConfig('ignored:\n\t- DL3008\n');
  assert.equal(tabs.unusable, true);
  assert.match(tabs.problems[0]!, /^line 2: not valid YAML/);
  const duplicate = checkHadolintConfig('ignored: [DL3008]\nignored: [DL3009]\n');
  assert.match(duplicate.problems[0]!, /^line 2: not valid YAML/);
  assert.match(checkHadolintConfig('- DL3008\n').problems[0]!, /must hold a YAML mapping/);
  assert.match(checkHadolintConfig('just text').problems[0]!, /must hold a YAML mapping/);

  // A "billion laughs" file: aliases expanded past the limit stop the read.
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    laughs.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(', ')}]`,
    );
  const started = Date.now();
  const bomb = checkHadolintConfig(laughs.join('\n'));
  assert.equal(bomb.unusable, true);
  assert.match(bomb.problems[0]!, /not valid YAML/);
  // Deep nesting is refused before the YAML library recurses into it (`- - - ...` ran it out of memory).
  const deep: [string, number][] = [
    [`${'['.repeat(30_000)}${']'.repeat(30_000)}`, 1],
    [`${'- '.repeat(20_000)}x`, 1],
    [`a:\n  ${'? '.repeat(9_000)}x`, 2],
  ];
  for (const [text, line] of deep)
    assert.deepEqual(checkHadolintConfig(text).problems, [
      `line ${line}: nested more than 64 levels deep; a hadolint config is not read`,
    ]);
  const indented = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  assert.deepEqual(checkHadolintConfig(indented).notes, ['unknown key "k0" is ignored'], 'deep indentation is fine');
  assert.ok(Date.now() - started < 10_000, 'hostile files are read quickly');
});

test('reading from disk: too large, missing, and by name through readConfigFile', () => {
  const folder = makeFolder({
    'big.yaml': `ignored:\n${'  - DL3008\n'.repeat(MAX_HADOLINT_CONFIG_BYTES / 10)}`,
    'team.yml': 'ignored: [DL3006]\n',
    'broken.yaml': 'ignored: [DL3006\n',
  });
  const broken = readHadolintConfig(join(folder, 'broken.yaml'));
  assert.equal(broken.unusable, true);
  assert.deepEqual(broken.settings, {});
  const big = readHadolintConfig(join(folder, 'big.yaml'));
  assert.equal(big.unusable, true);
  assert.match(big.problems[0]!, /bytes; a hadolint config over \d+ is not read/);
  assert.deepEqual(readHadolintConfig(join(folder, 'none.yaml')).problems, ['no such file or folder']);
  assert.deepEqual(readConfigFile(join(folder, 'team.yml')).settings, {
    'layerwise.diagnostics.rules': { BaseImageLatestTag: 'off' },
  });
});

test('discovery: .hadolint.yaml alone applies; beside a .layerwise.json it sits under it', () => {
  const root = makeFolder({
    '.hadolint.yaml': 'ignored: [DL3006, DL4000]\nfailure-threshold: info\nlabel-schema: {a: text}\n',
    'both/.hadolint.yml': 'ignored: [DL3006, DL4000]\noverride:\n  error: [DL3020]\n',
    'both/.layerwise.json': '{"diagnostics": {"rules": {"BaseImageLatestTag": "error"}}}',
    'json/.layerwise.json': '{"diagnostics": {"enable": false}}',
  });
  const configs = new ProjectConfigs();
  const alone = configs.forFile(join(root, 'app/Dockerfile'))!;
  assert.equal(alone.path, join(root, '.hadolint.yaml'));
  assert.deepEqual(alone.settings, {
    'layerwise.diagnostics.rules': { BaseImageLatestTag: 'off', MaintainerDeprecated: 'off' },
    'layerwise.diagnostics.labelSchema': { a: 'text' },
  });
  assert.equal(alone.failLevel, 'info');
  assert.deepEqual(alone.notes, []);

  const both = configs.forFile(join(root, 'both/Dockerfile'))!;
  assert.equal(both.path, join(root, 'both/.layerwise.json'));
  assert.deepEqual(both.settings, {
    'layerwise.diagnostics.rules': {
      AddInsteadOfCopy: 'error',
      BaseImageLatestTag: 'error',
      MaintainerDeprecated: 'off',
    },
  });
  // The nearest folder with a config wins, as for .layerwise.json alone.
  const json = configs.forFile(join(root, 'json/sub/Dockerfile'))!;
  assert.deepEqual(json.settings, { 'layerwise.diagnostics.enable': false });

  writeFileSync(join(root, 'both/.hadolint.yml'), 'ignored: [DL3006\n');
  configs.clear();
  const broken = configs.forFile(join(root, 'both/Dockerfile'))!;
  assert.equal(broken.unusable, false, 'the .layerwise.json still applies');
  assert.deepEqual(broken.settings, { 'layerwise.diagnostics.rules': { BaseImageLatestTag: 'error' } });
  assert.match(broken.problems[0]!, /^\.hadolint\.yml: line \d+: not valid YAML/);
});

test('trustedRegistries, label-schema and strict-labels of the wrong shape are problems, not settings', () => {
  const config = checkHadolintConfig(
    ['trustedRegistries: docker.io', 'label-schema:', '  author: text', '  version: number', 'strict-labels: yes'].join(
      '\n',
    ),
  );
  assert.deepEqual(config.problems, [
    '"trustedRegistries" must be a list of registry hosts, e.g. [docker.io]',
    '"label-schema.version" must be one of text, url, email, semver, hash, rfc3339, spdx',
    '"strict-labels" must be true or false',
  ]);
  assert.deepEqual(config.settings, { 'layerwise.diagnostics.labelSchema': { author: 'text' } });
  assert.deepEqual(checkHadolintConfig('disable-ignore-pragma: yes please\n').problems, [
    '"disable-ignore-pragma" must be true or false',
  ]);
});

test('disable-ignore-pragma turns layerwise.diagnostics.hadolintPragmas off, and false keeps it on', () => {
  const disabled = checkHadolintConfig('disable-ignore-pragma: true\n');
  assert.deepEqual(disabled.settings, { 'layerwise.diagnostics.hadolintPragmas': false });
  assert.deepEqual([...(disabled.notes ?? []), ...disabled.problems], []);
  const kept = checkHadolintConfig('disable-ignore-pragma: false\n');
  assert.deepEqual(kept.settings, { 'layerwise.diagnostics.hadolintPragmas': true });
});
