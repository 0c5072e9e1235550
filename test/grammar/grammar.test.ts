// The TextMate grammar (syntaxes/dockerfile.tmLanguage.json):
// - the committed JSON is what scripts/build-grammar.ts generates;
// - the scope assertions in test/grammar/fixtures/*.Dockerfile pass under vscode-tmgrammar-test
//   (the same vscode-textmate engine VS Code uses), with the shell grammar VS Code ships;
// - a few properties that fixtures cannot state well (every keyword, no runaway on big files).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { GRAMMAR_PATH, SCOPE, grammarJson } from '../../scripts/build-grammar';
import { SHELL_GRAMMAR_FILE, tokenize } from './tokenize';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('grammar', () => {
  it('the committed JSON is up to date with scripts/build-grammar.ts (run `npm run grammar`)', () => {
    assert.equal(readFileSync(GRAMMAR_PATH, 'utf8'), grammarJson());
  });

  it('package.json contributes it for the dockerfile language, with the shell embedded', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: {
        grammars: { language: string; scopeName: string; path: string; embeddedLanguages?: Record<string, string> }[];
      };
    };
    const entry = manifest.contributes.grammars.find((g) => g.language === 'dockerfile');
    assert.ok(entry, 'no grammar for dockerfile');
    assert.equal(entry.scopeName, SCOPE);
    assert.equal(join(root, entry.path), GRAMMAR_PATH);
    assert.equal(entry.embeddedLanguages?.['meta.embedded.block.shell'], 'shellscript');
  });

  it('passes the scope assertions of every fixture (vscode-tmgrammar-test)', () => {
    const bin = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
    const result = spawnSync(
      process.execPath,
      [bin, '--compact', '-g', GRAMMAR_PATH, '-g', SHELL_GRAMMAR_FILE, 'test/grammar/fixtures/*.Dockerfile'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.status, 0, output);
    assert.match(output, /heredoc\.Dockerfile/, 'the fixtures were not found');
  });

  it('scopes every instruction keyword, in any case, and after ONBUILD', async () => {
    const keywords = [
      'FROM',
      'RUN',
      'CMD',
      'LABEL',
      'MAINTAINER',
      'EXPOSE',
      'ENV',
      'ADD',
      'COPY',
      'ENTRYPOINT',
      'VOLUME',
      'USER',
      'WORKDIR',
      'ARG',
      'ONBUILD',
      'STOPSIGNAL',
      'HEALTHCHECK',
      'SHELL',
    ];
    for (const keyword of keywords) {
      for (const spelled of [keyword, keyword.toLowerCase(), `ONBUILD ${keyword}`]) {
        const tokens = await tokenize(`${spelled} x\n`);
        const token = tokens.filter((t) => t.line === 0 && t.text.trim().toUpperCase() === keyword).at(-1);
        assert.ok(
          token?.scopes.includes('keyword.other.instruction.dockerfile'),
          `${spelled}: ${JSON.stringify(tokens)}`,
        );
      }
    }
  });

  it('an instruction ends at a line without continuation, whatever came before', async () => {
    const cases: [string, string][] = [
      ['COPY "a b\nFROM x', 'unterminated Dockerfile string'],
      ['ENV A=${B:-c\nFROM x', 'unterminated variable'],
      ['RUN --mount=type=cache\nFROM x', 'flag alone'],
      ['CMD ["a",\nFROM x', 'broken exec form'],
    ];
    for (const [source, why] of cases) {
      const tokens = await tokenize(source);
      const from = tokens.find((t) => t.line === 1 && t.text === 'FROM');
      assert.ok(from?.scopes.includes('keyword.other.instruction.dockerfile'), `${why}: ${JSON.stringify(tokens)}`);
    }
  });

  it('tokenizes a 5,000-line Dockerfile in well under a second per 1,000 lines', async () => {
    const block = [
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
      'RUN --mount=type=cache,target=/root/.cache \\',
      '    # comment',
      '    go build -o /out ./... && echo "${VERSION:-dev}"',
      'COPY <<EOF /etc/app.conf',
      'key=value',
      'EOF',
      'RUN <<EOF',
      'set -e; echo hi',
      'EOF',
      'CMD ["/out", "--serve"]',
    ].join('\n');
    const source = Array.from({ length: 455 }, () => block).join('\n');
    const started = performance.now();
    const tokens = await tokenize(source);
    const elapsed = performance.now() - started;
    assert.ok(tokens.length > 20_000, `only ${tokens.length} tokens`);
    assert.ok(elapsed < 5_000, `took ${elapsed.toFixed(0)} ms`);
    const last = tokens.filter((t) => t.text === 'CMD').at(-1);
    assert.ok(last?.scopes.includes('keyword.other.instruction.dockerfile'), 'state drifted over the file');
  });
});
