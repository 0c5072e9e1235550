// Every rule's documentation link and description. What each rule flags and leaves alone is in its
// own `examples`, run by ruleContract.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../../core/src/rules';

test('every rule has a docs link and both languages', () => {
  for (const rule of RULES) {
    // Docker's docs, or the tool's own manual where Docker's docs do not cover it (curl, npm).
    assert.match(rule.docs, /^https:\/\/(docs\.docker\.com|curl\.se\/docs|docs\.npmjs\.com)\//, rule.code);
    if (rule.kind === 'build-check') assert.match(rule.docs, /\/build-checks\/[a-z-]+\/$/, rule.code);
    assert.ok(rule.description.en && rule.description.ko, rule.code);
  }
});
