// The working directory a hover shows comes from the WORKDIRs of the stage and the stages it
// builds on, worked out once per version: long chains of relative WORKDIRs join up, and an edit
// of the ARG a WORKDIR uses shows in the next version, even in a stage whose record is reused.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import { parseText, reparseText } from '../../core/src/parser';
import { initShellParser } from '../../core/src/shell';
import { hover } from '../../server/src/service/hover/hover';

before(() => initShellParser());

/** The "Here:" facts of the hover on the keyword at the start of `line`. */
function hereAt(document: AnalysedDocument, line: number): string | undefined {
  const reply = hover(document, { line, character: 1 }, 'en');
  assert.ok(reply, `no hover on line ${line}`);
  return (reply.contents as { value: string }).value
    .split('\n\n')
    .find((paragraph) => paragraph.startsWith('**Here:** '))
    ?.slice('**Here:** '.length);
}

describe('working directory in hovers over chains of stages', () => {
  test('relative WORKDIRs over many stages join onto the absolute one, whichever is asked first', () => {
    const lines = ['FROM debian:12 AS s0', 'WORKDIR /app'];
    for (let n = 1; n <= 30; n++) lines.push(`FROM s${n - 1} AS s${n}`, n === 20 ? 'WORKDIR' : `WORKDIR d${n}`);
    lines.push('RUN make');
    const text = `${lines.join('\n')}\n`;
    const document = new AnalysedDocument('file:///chain/Dockerfile', 1, text, parseText(text));
    const runLine = lines.length - 1;
    // A stage in the middle first, then the end (which builds on what the middle worked out).
    assert.equal(
      hereAt(document, 2 * 10 + 1),
      'working directory `/app/d1/d2/d3/d4/d5/d6/d7/d8/d9/d10` (relative to `/app/d1/d2/d3/d4/d5/d6/d7/d8/d9`)',
    );
    const expected = `/app/${Array.from({ length: 30 }, (_, i) => `d${i + 1}`)
      .filter((d) => d !== 'd20')
      .join('/')}`;
    const shown = hereAt(document, runLine);
    assert.ok(shown?.startsWith('shell form, run by `/bin/sh -c` · working directory `'), shown);
    // Code spans shorten long values: compare what is shown with the start of the full path.
    const path = /working directory `([^`]*)`/.exec(shown!)![1]!;
    assert.ok(expected.startsWith(path.replace(/…$/, '')), `${path} is not the start of ${expected}`);
    assert.ok(path.endsWith('…'), path);
  });

  test('an edited ARG in the base stage shows in the stage built on it', () => {
    const text1 = 'FROM debian:12 AS base\nARG DIR=one\nWORKDIR /srv/$DIR\nFROM base\nWORKDIR sub\nRUN make\n';
    const parsed1 = parseText(text1);
    const v1 = new AnalysedDocument('file:///edit/Dockerfile', 1, text1, parsed1);
    assert.equal(hereAt(v1, 5), 'shell form, run by `/bin/sh -c` · working directory `/srv/one/sub`');
    const text2 = text1.replace('DIR=one', 'DIR=two');
    const v2 = new AnalysedDocument('file:///edit/Dockerfile', 2, text2, reparseText(parsed1, text2), v1.model);
    assert.equal(hereAt(v2, 5), 'shell form, run by `/bin/sh -c` · working directory `/srv/two/sub`');
    assert.equal(hereAt(v2, 4), 'working directory `/srv/two/sub` (relative to `/srv/two`)');
  });
});
