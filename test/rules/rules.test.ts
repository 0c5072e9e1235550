import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { BuildContext } from '../../core/src/context/buildContext';
import { RULES } from '../../core/src/rules';
import { initShellParser } from '../../core/src/shell';
import { findingsOf } from '../helpers/rules';
import { RULE_CASES } from './ruleCases';

// Rules that read RUN as shell need the parser loaded, as the server does before any check.
before(() => initShellParser());

// CopyIgnoredFile reads the real .dockerignore of a real folder.
const contextDir = mkdtempSync(join(tmpdir(), 'layerwise-rules-'));
writeFileSync(join(contextDir, '.dockerignore'), 'secret.txt\n*.log\n');
const buildContext = BuildContext.forDockerfile(join(contextDir, 'Dockerfile'));

/** Test files of rules that have their own suites (cache hints, shell rules): their text, joined. */
function dedicatedRuleTests(dir = __dirname): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return dedicatedRuleTests(path);
      return entry.name.endsWith('.test.ts') && path !== __filename ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

test('every rule has a case that fires and a near miss', () => {
  const covered = new Set(RULE_CASES.map((c) => c.code));
  const dedicated = dedicatedRuleTests();
  // A dedicated suite names the rule by its code or imports its module's camelCase export.
  const inDedicated = (code: string): boolean =>
    dedicated.includes(`'${code}'`) || new RegExp(`\\b${code[0]!.toLowerCase()}${code.slice(1)}\\b`).test(dedicated);
  assert.deepEqual(
    RULES.map((rule) => rule.code).filter((code) => !covered.has(code) && !inDedicated(code)),
    [],
  );
});

test('every rule has a docs link and both languages', () => {
  for (const rule of RULES) {
    assert.match(rule.docs, /^https:\/\/docs\.docker\.com\//, rule.code);
    if (rule.kind === 'build-check') assert.match(rule.docs, /\/build-checks\/[a-z-]+\/$/, rule.code);
    assert.ok(rule.description.en && rule.description.ko, rule.code);
  }
});

for (const ruleCase of RULE_CASES) {
  test(`${ruleCase.code} fires with its exact range`, () => {
    const found = findingsOf(ruleCase.fires, ruleCase.code, { rules: ruleCase.rules, buildContext });
    assert.equal(found[0], `${ruleCase.code}@${ruleCase.range}`, `all: ${found.join(', ')}`);
  });
  test(`${ruleCase.code} stays quiet on the near miss`, () => {
    assert.deepEqual(findingsOf(ruleCase.nearMiss, ruleCase.code, { rules: ruleCase.rules, buildContext }), []);
  });
}
