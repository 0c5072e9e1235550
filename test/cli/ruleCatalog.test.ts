// The CLI's catalog of codes (what SARIF and other reports describe): every rule with its
// category and its equivalents in other tools, and the parser's codes as builder errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleCatalog } from '../../cli/src/ruleCatalog';
import { SYNTAX_RULES } from '../../cli/src/syntaxRules';
import { RULES } from '../../core/src/rules';

test('every rule is listed with its category and equivalents', () => {
  const catalog = ruleCatalog();
  for (const rule of RULES) {
    const info = catalog.get(rule.code);
    assert.ok(info, rule.code);
    assert.equal(info.category, rule.category, rule.code);
    assert.deepEqual(info.equivalents, rule.equivalents, rule.code);
    assert.equal(info.syntax, false, rule.code);
  }
});

test('a BuildKit check names itself and the hadolint rule with the same check', () => {
  const info = ruleCatalog().get('JSONArgsRecommended');
  assert.equal(info?.category, 'buildkit');
  assert.deepEqual(
    (info?.equivalents ?? []).filter(({ tool }) => tool !== 'droast').map(({ tool, id }) => `${tool} ${id}`),
    ['buildkit JSONArgsRecommended', 'hadolint DL3025'],
  );
});

test('parser codes are builder errors with no equivalents', () => {
  const catalog = ruleCatalog();
  for (const code of Object.keys(SYNTAX_RULES)) {
    const info = catalog.get(code);
    assert.equal(info?.syntax, true, code);
    assert.equal(info?.category, 'builder', code);
    assert.deepEqual(info?.equivalents, [], code);
  }
});
