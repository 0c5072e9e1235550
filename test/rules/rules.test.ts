// Every rule's documentation link and description. What each rule flags and leaves alone is in its
// own `examples`, run by ruleContract.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../../core/src/rules';

test('every rule has a docs link and both languages', () => {
  for (const rule of RULES) {
    assert.match(rule.docs, /^https:\/\/docs\.docker\.com\//, rule.code);
    if (rule.kind === 'build-check') assert.match(rule.docs, /\/build-checks\/[a-z-]+\/$/, rule.code);
    assert.ok(rule.description.en && rule.description.ko, rule.code);
  }
});
