// The contract every rule keeps, checked from its own metadata: its invalid examples fire (at the
// range given), its valid ones stay quiet, every message it can show reads in English and Korean,
// and its docs, category and equivalents are filled in.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { RULES } from '../../core/src/rules';
import type { Rule, RuleExample } from '../../core/src/rules';
import { initShellParser } from '../../core/src/shell';
import { makeContext, ranges, runRule } from '../helpers/ruleHarness';

// Rules that read RUN as shell need the parser loaded, as the server does before any check.
before(() => initShellParser());

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const HANGUL = /[\uac00-\ud7a3]/;
const TOOLS = new Set(['buildkit', 'hadolint', 'droast', 'shellcheck']);
const TOOL_ID: Record<string, RegExp> = {
  buildkit: /^[A-Z][A-Za-z]+$/,
  hadolint: /^DL\d{4}$/,
  droast: /^DF\d{3}$/,
  shellcheck: /^SC\d{4}$/,
};

function asExample(example: string | RuleExample): RuleExample {
  return typeof example === 'string' ? { dockerfile: example } : example;
}

/** The rule's findings on an example, in a real build context folder when the example has one. */
function findingRanges(rule: Rule, example: RuleExample): string[] {
  if (!example.context) return ranges(runRule(rule, example.dockerfile, undefined, example.settings));
  const made = makeContext(example.context);
  roots.push(made.root);
  return ranges(runRule(rule, example.dockerfile, made.context(), example.settings));
}

/**
 * Parameters for any template: every name a template reads is a short sample text, which also
 * answers `.en` and `.ko` for parameters that are texts in both languages.
 */
const SAMPLE_PARAMS = new Proxy(
  {},
  {
    get: (_target, name) =>
      typeof name === 'string'
        ? Object.assign(new String(`x${name}`), { en: `en-${name}`, ko: `ko-${name}` })
        : undefined,
  },
);

test('rule codes are unique', () => {
  const codes = RULES.map((rule) => rule.code);
  assert.deepEqual(
    codes.filter((code, i) => codes.indexOf(code) !== i),
    [],
  );
});

for (const rule of RULES) {
  test(`${rule.code}: docs, category, equivalents`, () => {
    assert.match(rule.docs, /^https:\/\/[^\s]+$/);
    assert.ok(rule.category, 'category');
    assert.ok(rule.description.en.trim() && HANGUL.test(rule.description.ko), 'description in both languages');
    const seen = new Set<string>();
    for (const { tool, id } of rule.equivalents) {
      assert.ok(TOOLS.has(tool), tool);
      assert.match(id, TOOL_ID[tool]!, `${tool} id`);
      assert.ok(!seen.has(`${tool}:${id}`), `${tool} ${id} twice`);
      seen.add(`${tool}:${id}`);
    }
    // A BuildKit build check names itself; nothing else claims to be one.
    const buildkitIds = rule.equivalents.filter((e) => e.tool === 'buildkit').map((e) => e.id);
    assert.deepEqual(buildkitIds, rule.kind === 'build-check' ? [rule.code] : []);
  });

  test(`${rule.code}: every message has English and Korean text`, () => {
    const templates = Object.entries(rule.messages.templates);
    assert.ok(templates.length > 0, 'the catalog has messages');
    for (const [id, template] of templates) {
      const en = template.en(SAMPLE_PARAMS as never);
      const ko = template.ko(SAMPLE_PARAMS as never);
      assert.ok(en.trim().length > 0, `${id}: en`);
      assert.ok(ko.trim().length > 0, `${id}: ko`);
      assert.ok(HANGUL.test(ko), `${id}: ko is Korean: ${ko}`);
      assert.doesNotMatch(`${en}\n${ko}`, /undefined|\[object /, `${id}: every parameter is shown as text`);
    }
  });

  test(`${rule.code}: has invalid and valid examples`, () => {
    assert.ok(rule.examples.invalid.length > 0, 'invalid examples');
    assert.ok(rule.examples.valid.length > 0, 'valid examples');
  });

  rule.examples.invalid.forEach((entry, i) => {
    const example = asExample(entry);
    test(`${rule.code}: invalid example ${i + 1} fires${example.range ? ` at ${example.range}` : ''}`, () => {
      const found = findingRanges(rule, example);
      assert.ok(found.length > 0, `no finding on:\n${example.dockerfile}`);
      if (example.range) assert.equal(found[0], example.range, `all: ${found.join(', ')}`);
    });
  });

  rule.examples.valid.forEach((entry, i) => {
    const example = asExample(entry);
    test(`${rule.code}: valid example ${i + 1} stays quiet`, () => {
      assert.deepEqual(findingRanges(rule, example), []);
    });
  });
}
