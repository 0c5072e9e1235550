// Hover over a finding through the real protocol: each rule under the cursor adds its code, its
// category and the same check in other tools, with links to their rule pages, in English and Korean.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LastCheckedFindings } from '../../server/src/service/lastCheckedFindings';
import { equivalentUrl, kebabCase } from '../../server/src/service/hover/findingHover';
import { HOVER_LANGUAGES, type HoverReply, hoverSpan, useHoverClients } from '../helpers/hoverClients';

const { hoverOn: hoverWithDiagnostics } = useHoverClients('hover-findings');

/** Opens the document (waiting for its full diagnostics, as a user sees them) and hovers at `¦`. */
async function hoverOn(language: string, marked: string): Promise<{ hover: HoverReply | null; codes: string[] }> {
  const { hover, published } = await hoverWithDiagnostics(language, marked);
  return { hover, codes: published.diagnostics.map((d) => String(d.code)) };
}

const span = hoverSpan;

const JSON_ARGS = 'FROM alpine:3.20\nCMD no¦de server.js\n';
const BUILDKIT_PAGE = 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/';

describe('hover on a finding', () => {
  test('en: rule code, category and the same check in BuildKit, hadolint and droast', async () => {
    const { hover, codes } = await hoverOn('en', JSON_ARGS);
    assert.ok(codes.includes('JSONArgsRecommended'), codes.join());
    assert.ok(hover, 'hover expected');
    const value = hover.contents.value;
    assert.match(value, /\*\*\[JSONArgsRecommended\]\(https:\/\/[^)]+\)\*\* · BuildKit build check/);
    assert.ok(
      value.includes(
        `Same check: [BuildKit JSONArgsRecommended](${BUILDKIT_PAGE}) · ` +
          '[hadolint DL3025](https://github.com/hadolint/hadolint/wiki/DL3025) · droast DF025',
      ),
      value,
    );
    // No doc describes CMD's arguments: the hover covers the finding.
    assert.equal(span(hover), '1:4-1:18');
  });

  test('ko: the same section in Korean', async () => {
    const { hover } = await hoverOn('ko', JSON_ARGS);
    assert.ok(hover, 'hover expected');
    const value = hover.contents.value;
    assert.match(value, /\*\*\[JSONArgsRecommended\]\([^)]+\)\*\* · BuildKit 빌드 검사/);
    assert.ok(value.includes(`같은 검사: [BuildKit JSONArgsRecommended](${BUILDKIT_PAGE}) · `), value);
    assert.doesNotMatch(value, /Same check|build check/);
  });

  test('near miss: the keyword lies outside the finding, so only its doc shows', async () => {
    const { hover, codes } = await hoverOn('en', 'FROM alpine:3.20\nC¦MD node server.js\n');
    assert.ok(codes.includes('JSONArgsRecommended'), codes.join());
    assert.ok(hover, 'keyword hover expected');
    assert.doesNotMatch(hover.contents.value, /JSONArgsRecommended|Same check/);
    assert.equal(span(hover), '1:0-1:3');
  });

  test('near miss: exec form has no finding and no hover on its arguments', async () => {
    const { hover, codes } = await hoverOn('en', 'FROM alpine:3.20\nCMD ["no¦de", "server.js"]\n');
    assert.ok(!codes.includes('JSONArgsRecommended'), codes.join());
    assert.equal(hover, null);
  });

  for (const language of HOVER_LANGUAGES) {
    test(`${language}: a doc hover inside a finding keeps its doc and range, then adds the finding`, async () => {
      const { hover, codes } = await hoverOn(language, 'FROM node:20\nRUN c¦d /app && npm ci\n');
      assert.ok(codes.includes('CdInsteadOfWorkdir'), codes.join());
      assert.ok(hover, 'hover expected');
      const [doc, findings] = hover.contents.value.split('\n\n---\n\n');
      assert.match(doc!, /WORKDIR/);
      assert.match(findings!, /^\*\*\[CdInsteadOfWorkdir\]/);
      assert.ok(
        findings!.includes('[hadolint DL3003](https://github.com/hadolint/hadolint/wiki/DL3003) · droast DF008'),
      );
      assert.ok(findings!.includes(language === 'ko' ? '모범 사례' : 'best practice'), findings);
      // The range stays the doc's (the word `cd`), not the finding's.
      assert.equal(span(hover), '1:4-1:6');
    });
  }

  test('every rule under the cursor gets a section, each once', async () => {
    const { hover, codes } = await hoverOn('en', 'FROM debian:12\nRUN apt-get ins¦tall curl\n');
    for (const code of ['AptGetInstallWithoutYes', 'AptGetInstallWithoutNoInstallRecommends'])
      assert.ok(codes.includes(code), codes.join());
    assert.ok(hover, 'hover expected');
    const value = hover.contents.value;
    for (const id of ['DL3014', 'DL3015'])
      assert.equal(value.split(`[hadolint ${id}](https://github.com/hadolint/hadolint/wiki/${id})`).length, 2, value);
  });

  test('ShellCheck ids link to its wiki; notes on differences show in English only', async () => {
    const marked = 'FROM debian:12\nRUN if [¦[ -f /etc/os-release ]]; then echo yes; fi\n';
    const en = (await hoverOn('en', marked)).hover;
    const ko = (await hoverOn('ko', marked)).hover;
    assert.ok(en && ko, 'hovers expected');
    assert.ok(en.contents.value.includes('[ShellCheck SC3010](https://www.shellcheck.net/wiki/SC3010) ([[ ]])'));
    assert.ok(ko.contents.value.includes('[ShellCheck SC3010](https://www.shellcheck.net/wiki/SC3010) · '));
    assert.doesNotMatch(ko.contents.value, /function keyword/);
  });
});

describe('what finding hovers read', () => {
  test('only the findings of the version asked about', () => {
    const store = new LastCheckedFindings();
    const finding = {
      code: 'X',
      severity: 'warning' as const,
      language: 'en' as const,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: 'x',
      ignorable: true,
      fixes: [],
      related: [],
    };
    store.record('file:///a', 2, [finding]);
    assert.deepEqual(store.of('file:///a', 2), [finding]);
    assert.deepEqual(store.of('file:///a', 3), []);
    assert.deepEqual(store.of('file:///b', 2), []);
    store.forget('file:///a');
    assert.deepEqual(store.of('file:///a', 2), []);
  });

  test("BuildKit's page names: acronyms stay one word", () => {
    assert.equal(kebabCase('JSONArgsRecommended'), 'json-args-recommended');
    assert.equal(kebabCase('SecretsUsedInArgOrEnv'), 'secrets-used-in-arg-or-env');
    assert.equal(kebabCase('FromPlatformFlagConstDisallowed'), 'from-platform-flag-const-disallowed');
    assert.equal(equivalentUrl({ tool: 'droast', id: 'DF025' }), undefined);
  });
});
