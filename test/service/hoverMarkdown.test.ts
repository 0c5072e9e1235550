// Hover and completion Markdown built from Dockerfile text, rendered by markdown-it (the renderer
// VS Code uses): a value, stage name, tag or flag holding backticks stays inside its code span,
// however many backticks it holds, and nothing outside the spans shows a stray backtick.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { parseText } from '../../core/src/parser';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import { completion } from '../../server/src/service/completion/completion';
import { hover } from '../../server/src/service/hover/hover';
import { withCursor } from '../helpers/cursor';

const markdownIt = createRequire(__filename)('markdown-it') as () => { render(markdown: string): string };
const renderer = markdownIt();

const unescape = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The texts of the code spans of the rendered Markdown, and its text outside them. */
function rendered(markdown: string): { codes: string[]; outside: string } {
  const html = renderer.render(markdown);
  const codes = [...html.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => unescape(m[1]!));
  return { codes, outside: unescape(html.replace(/<code>[^<]*<\/code>/g, '').replace(/<[^>]*>/g, '')) };
}

function hoverAt(marked: string): { codes: string[]; outside: string } {
  const { text, position } = withCursor(marked);
  const document = new AnalysedDocument('file:///test/Dockerfile', 1, text, parseText(text));
  const result = hover(document, position, 'en');
  assert.ok(result, `no hover in ${JSON.stringify(marked)}`);
  return rendered((result.contents as MarkupContent).value);
}

// Runs of one, two and three backticks: each closes a fence of its own length.
const TICKS = 'a`b``c```d';

describe('hover Markdown holds backticks from the Dockerfile', () => {
  test('a variable whose value holds backtick runs', () => {
    const { codes, outside } = hoverAt(`FROM alpine\nENV V="${TICKS}"\nRUN echo $¦V`);
    assert.ok(codes.includes('$V'), codes.join(' | '));
    assert.ok(codes.includes(`ENV V="${TICKS}"`), codes.join(' | '));
    assert.ok(codes.includes(TICKS), codes.join(' | '));
    assert.ok(!outside.includes('`'), outside);
  });

  test('a value that starts and ends with a backtick', () => {
    const { codes, outside } = hoverAt('FROM alpine\nARG V="`x`"\nRUN echo ${¦V}');
    assert.ok(codes.includes('`x`'), codes.join(' | '));
    assert.ok(!outside.includes('`'), outside);
  });

  test('a stage name with backticks, hovered where a later FROM builds on it', () => {
    const { codes, outside } = hoverAt(`FROM alpine AS ${TICKS}\nFROM ¦${TICKS}\n`);
    assert.ok(codes.includes(TICKS), codes.join(' | '));
    assert.ok(codes.includes(`FROM alpine AS ${TICKS}`), codes.join(' | '));
    assert.ok(!outside.includes('`'), outside);
  });

  test('an image tag with backticks', () => {
    const { codes, outside } = hoverAt(`FROM ¦node:${TICKS}\n`);
    assert.ok(codes.includes(`node:${TICKS}`), codes.join(' | '));
    assert.ok(codes.includes(TICKS), codes.join(' | '));
    assert.ok(!outside.includes('`'), outside);
  });

  test('an unknown flag with backticks', () => {
    const { codes, outside } = hoverAt(`FROM alpine\nRUN --¦${TICKS}=1 true\n`);
    assert.ok(codes.includes(`--${TICKS}`), codes.join(' | '));
    assert.ok(!outside.includes('`'), outside);
  });
});

describe('completion documentation holds backticks from the Dockerfile', () => {
  const documentation = (marked: string, label: string): { codes: string[]; outside: string } => {
    const { text, position } = withCursor(marked);
    const item = completion(
      new AnalysedDocument('file:///test/Dockerfile', 1, text, parseText(text)),
      position,
      'en',
    ).find((i) => i.label === label);
    assert.ok(item, `no item ${label}`);
    return rendered((item.documentation as MarkupContent).value);
  };

  test('a variable item shows its definition', () => {
    const { codes, outside } = documentation(`FROM alpine\nENV V="${TICKS}"\nRUN echo $¦`, 'V');
    assert.ok(codes.includes(`ENV V="${TICKS}"`), codes.join(' | '));
    assert.ok(!outside.includes('`'), outside);
  });

  test('a stage item shows its FROM line', () => {
    const { codes, outside } = documentation(`FROM alpine AS ${TICKS}\nFROM alpine\nCOPY --from=¦ a b\n`, TICKS);
    assert.ok(codes.includes(TICKS), codes.join(' | '));
    assert.ok(codes.includes(`FROM alpine AS ${TICKS}`), codes.join(' | '));
    assert.ok(!outside.includes('`'), outside);
  });
});
