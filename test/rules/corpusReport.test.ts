import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { renderCorpusReport, REPORT_PATH } from '../../scripts/corpus-report';
import { initShellParser } from '../../core/src/shell';
import { assertSameText } from '../helpers/show';

before(() => initShellParser());

test('test/corpus-report.md is up to date (run npm run corpus-report)', () => {
  assertSameText(readFileSync(REPORT_PATH, 'utf8'), renderCorpusReport(), 'corpus-report.md');
});

test('no rule reports an error on the corpus', () => {
  const report = renderCorpusReport();
  for (const row of report.split('\n').filter((line) => / \| error \| /.test(line))) {
    assert.match(row, /\| error \| 0 \| 0 \|$/, row);
  }
});
