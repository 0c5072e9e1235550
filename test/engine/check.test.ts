// The engine's public API: one call gives the findings as the user sees them (severity words after
// settings and `# check=` directives, text in the chosen language, docs links, fixes), the same as
// a reusable CheckEngine gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysedDocument, CheckEngine, check, defaultSettings, type Settings } from '../../core/src/engine';
import { parseText } from '../../core/src/parser';
import { RULES } from '../../core/src/rules';

const URI = 'file:///project/Dockerfile';
const TEXT = 'from alpine:3.20 as Build\nFOO bar\nENV A b\nCMD echo hi\n';

const settingsWith = (rules: Settings['layerwise.diagnostics.rules']): Settings => ({
  ...defaultSettings(),
  'layerwise.diagnostics.rules': rules,
});
const severities = (text: string, settings: Settings): Record<string, string> =>
  Object.fromEntries(check({ text, uri: URI }, settings).map((f) => [f.code, f.severity]));

test('the parser problems come first, then the rules findings with docs and fixes', () => {
  const found = check({ text: TEXT, uri: URI }, defaultSettings());
  assert.equal(found[0]!.code, 'unknown-instruction');
  assert.equal(found[0]!.severity, 'error');
  assert.equal(found[0]!.rule, undefined);
  assert.equal(found[0]!.ignorable, false);
  const casing = found.find((f) => f.code === 'StageNameCasing');
  assert.ok(casing, found.map((f) => f.code).join(', '));
  assert.equal(casing.severity, 'warning');
  assert.equal(casing.docs, 'https://docs.docker.com/reference/build-checks/stage-name-casing/');
  assert.match(casing.message, /Build/);
  assert.ok(casing.fixes.length > 0 && casing.fixes[0]!.edits.length > 0);
  assert.equal(casing.ignorable, true);
  for (const finding of found.slice(1)) assert.ok(finding.rule && finding.docs?.startsWith('https://'), finding.code);
});

test('a text and its parsed document give the same findings, as does a kept engine', () => {
  const fromText = check({ text: TEXT, uri: URI }, defaultSettings(), { language: 'ko' });
  const document = new AnalysedDocument(URI, 3, TEXT, parseText(TEXT));
  assert.deepEqual(check(document, defaultSettings(), { language: 'ko' }), fromText);
  const engine = new CheckEngine(RULES);
  assert.deepEqual(engine.check(document, defaultSettings(), 'ko', undefined), fromText);
});

test('messages and related notes are in the chosen language', () => {
  const english = check({ text: TEXT, uri: URI }, defaultSettings());
  const korean = check({ text: TEXT, uri: URI }, defaultSettings(), { language: 'ko' });
  assert.deepEqual(
    korean.map((f) => f.code),
    english.map((f) => f.code),
  );
  for (const [i, finding] of korean.entries()) {
    assert.equal(finding.language, 'ko');
    assert.match(finding.message, /[\uac00-\ud7a3]/, finding.message);
    assert.notEqual(finding.message, english[i]!.message);
  }
});

test('severity words follow # check=error=true, and a setting wins over it', () => {
  assert.equal(severities(TEXT, defaultSettings()).StageNameCasing, 'warning');
  const strict = `# check=error=true\n${TEXT}`;
  assert.equal(severities(strict, defaultSettings()).StageNameCasing, 'error');
  // Only build checks become errors: a Layerwise rule keeps its severity.
  const latest = 'FROM alpine\n';
  assert.equal(severities(latest, defaultSettings()).BaseImageLatestTag, 'warning');
  assert.equal(severities(`# check=error=true\n${latest}`, defaultSettings()).BaseImageLatestTag, 'warning');
  assert.equal(severities(strict, settingsWith({ StageNameCasing: 'info' })).StageNameCasing, 'info');
  assert.equal(severities(strict, settingsWith({ StageNameCasing: 'off' })).StageNameCasing, undefined);
});

test('a rule that throws is reported once and the others still find', () => {
  const failing = { ...RULES.find((rule) => rule.scope === 'instruction')!, code: 'Throws' };
  const thrower = {
    ...failing,
    check: () => {
      throw new Error('boom');
    },
  } as (typeof RULES)[number];
  const heard: string[] = [];
  const found = check({ text: TEXT, uri: URI }, defaultSettings(), {
    rules: [thrower, ...RULES],
    reportError: (rule, error) => heard.push(`${rule.code}: ${String(error)}`),
  });
  assert.deepEqual(heard, ['Throws: Error: boom']);
  assert.ok(found.some((f) => f.code === 'StageNameCasing'));
});

test('settings that turn diagnostics off give nothing', () => {
  assert.deepEqual(
    check({ text: TEXT, uri: URI }, { ...defaultSettings(), 'layerwise.diagnostics.enable': false }),
    [],
  );
});
