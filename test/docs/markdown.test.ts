// User text in Markdown (docs/markdown.ts), rendered by markdown-it, the CommonMark renderer
// VS Code uses for hovers: a code span shows exactly the text, whatever backticks it holds, and
// escaped plain text shows as written, with no emphasis, link, HTML or block of its own.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { escapeMarkdown, inlineCode } from '../../core/src/docs';

interface MarkdownIt {
  render(markdown: string): string;
}
const markdownIt = createRequire(__filename)('markdown-it') as (options?: object) => MarkdownIt;
const renderer = markdownIt({ html: true, linkify: false });
const render = (markdown: string): string => renderer.render(markdown);

const html = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** What a reader sees: line breaks shown as spaces. */
const flat = (text: string): string => text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');

const HOSTILE = [
  'plain',
  '',
  ' ',
  '   ',
  '`',
  '``',
  '```',
  'a``b',
  'a`b``c```d',
  '`start',
  'end`',
  '` both `',
  ' spaced ',
  ' lead',
  'trail ',
  '``` js',
  'a\nb',
  'x\n\n# heading\n- item',
  'x\r\n```\r\ncode',
  '<b>bold</b> <script>alert(1)</script>',
  '[link](https://example.com) ![img](x.png)',
  '*em* _em_ **strong** ~~del~~',
  '&amp; &#96; &lt;',
  '\\`escaped\\`',
  '| a | b |',
  `${'`'.repeat(1000)}x${'`'.repeat(999)}`,
];

describe('inlineCode', () => {
  for (const value of HOSTILE) {
    test(`shows ${JSON.stringify(value.slice(0, 40))} as one code span`, () => {
      // A span of blanks only is shown as blanks (markdown-it keeps one); any other text exactly.
      const shown = value.trim() === '' ? ' ' : flat(value);
      assert.equal(render(`before ${inlineCode(value)} after`), `<p>before <code>${html(shown)}</code> after</p>\n`);
    });
  }

  test('the fence is one backtick longer than the longest run in the text', () => {
    assert.equal(inlineCode('a'), '`a`');
    assert.equal(inlineCode('a``b'), '```a``b```');
    assert.equal(inlineCode('`x`'), '`` `x` ``');
    assert.equal(inlineCode(' x '), '`  x  `');
  });
});

describe('escapeMarkdown', () => {
  for (const value of [
    ...HOSTILE.filter((v) => v.trim() !== ''),
    '# not a heading',
    '- not a list',
    '1. not a list',
    '> not a quote',
    '    not code',
    '\tnot code',
    '---',
    '===',
  ]) {
    test(`shows ${JSON.stringify(value.slice(0, 40))} as written, in one paragraph`, () => {
      // (A paragraph drops the blanks it ends with.)
      assert.equal(render(escapeMarkdown(value)), `<p>${html(flat(value).trimEnd())}</p>\n`);
      assert.equal(render(`Value: ${escapeMarkdown(value)} here`), `<p>Value: ${html(flat(value))} here</p>\n`);
    });
  }
});
