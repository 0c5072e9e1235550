import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseText, reparseText } from '../../core/src/parser';
import { corpusFiles } from '../helpers/corpus';
import { spliceText } from '../helpers/splice';
import { assertSameText, treeJson } from '../helpers/show';

const pieces = [
  '\n',
  '\\\n',
  'RUN ',
  'FROM a AS b\n',
  '<<EOF\n',
  'EOF\n',
  '# c\n',
  '  ',
  'x',
  '"',
  "'",
  '${A:-b}',
  '`',
  '\n\n',
  'ENV a=b \\\n',
  '<<-EOT\n',
  '\tEOT\n',
];
const sample = [
  'FROM alpine AS base',
  'ARG A=1',
  'RUN echo $A \\',
  '  # comment inside',
  '',
  '  && true',
  'COPY <<EOF /x',
  'body $A',
  'EOF',
  '',
  '# top comment',
  'CMD ["sh"]',
  'FROM base',
  'RUN <<-EOT',
  '\techo hi',
  '\tEOT',
  'ENV B=2',
].join('\n');

test('incremental reparse equals a full parse after any sequence of edits', () => {
  const edit = fc.record({
    start: fc.nat(400),
    deleteCount: fc.nat(12),
    insert: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((a) => a.join('')),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      let text = sample;
      let parsed = parseText(text);
      for (const e of edits) {
        text = spliceText(text, e.start, e.deleteCount, e.insert);
        parsed = reparseText(parsed, text);
        assertSameText(treeJson(parsed.tree), treeJson(parseText(text).tree), JSON.stringify(text));
      }
    }),
    { numRuns: 400 },
  );
});

test('incremental reparse of corpus files with a line inserted and removed equals a full parse', () => {
  for (const file of corpusFiles().slice(0, 40)) {
    const lines = file.text.split('\n');
    const middle = Math.floor(lines.length / 2);
    const inserted = [...lines.slice(0, middle), 'RUN echo inserted \\', ...lines.slice(middle)].join('\n');
    let parsed = parseText(file.text);
    parsed = reparseText(parsed, inserted);
    assertSameText(treeJson(parsed.tree), treeJson(parseText(inserted).tree), file.name);
    parsed = reparseText(parsed, file.text);
    assertSameText(treeJson(parsed.tree), treeJson(parseText(file.text).tree), file.name);
  }
});

test('an unchanged text returns the same tree', () => {
  const parsed = parseText(sample);
  assert.equal(reparseText(parsed, sample).tree, parsed.tree);
});
