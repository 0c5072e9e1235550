// Formatting a document whose RUNs were formatted ahead of time (warmRunFormatting, as the server
// does when idle) gives exactly the edits of a cold format: fully, partly or differently warmed,
// and a warmed format prints nothing more. The printer's cache stays within its bounds.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { generateDockerfile, messyCopy } from '../../bench/generate';
import { parseText } from '../../core/src/parser';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import {
  type FormatOptions,
  formatLines,
  MAX_WARM_SCRIPT,
  warmRunFormatting,
} from '../../server/src/service/formatting/formatting';
import { clearShellPrintCache, initShellPrinter, printShell, shellPrintCacheSize } from '../../core/src/shell';

before(async () => {
  await initShellPrinter();
});

const SPACES: FormatOptions = { continuationIndent: 4, tabSize: 4 };
const TABS: FormatOptions = { continuationIndent: 4, tabSize: 4, useTabs: true };
const NARROW: FormatOptions = { continuationIndent: 2, tabSize: 2, breakChains: true, maxLineLength: 40 };

/** [name, text, whether the request still prints (a RUN too long to prepare)] */
const TEXTS: [string, string, boolean][] = [
  ['a generated file, messy', messyCopy(generateDockerfile(600)), false],
  [
    'heredocs, a SHELL that is not POSIX, case and semicolons',
    [
      'FROM alpine',
      'RUN <<EOF',
      'set -e',
      'if [ -f x ]; then',
      'echo  yes >  out',
      'fi',
      'EOF',
      'RUN set -eux; \\\ncase "$x" in \\\na) echo a; ;; \\\n*) echo b ;; \\\nesac; \\\n;',
      'SHELL ["pwsh", "-c"]',
      'RUN Write-Host  hi  &&  echo  x',
      'FROM debian',
      'run apt-get update &&   apt-get install -y curl |  tee log',
      '',
    ].join('\n'),
    false,
  ],
  [
    'a RUN longer than is prepared ahead',
    `FROM alpine\nRUN echo  a &&  echo b\nRUN echo ${'a'.repeat(MAX_WARM_SCRIPT + 10)} &&  echo b\n`,
    true,
  ],
  [
    'a Windows file (backtick escape: cmd, not printed)',
    '# escape=`\nFROM mcr.microsoft.com/windows\nRUN echo  a && `\necho  b\n',
    false,
  ],
];

const document = (text: string): AnalysedDocument =>
  new AnalysedDocument('file:///warm/Dockerfile', 1, text, parseText(text));

/** Edits of a format with nothing cached: a fresh parse and an empty printer cache. */
function cold(text: string, options: FormatOptions): unknown {
  clearShellPrintCache();
  return formatLines(document(text), options);
}

/** Edits of a format after `steps` steps (all by default) of warming with `warmOptions`. */
function warmed(
  text: string,
  options: FormatOptions,
  steps = Infinity,
  warmOptions = options,
): { edits: unknown; printedDuringFormat: number } {
  clearShellPrintCache();
  const doc = document(text);
  let done = 0;
  for (const _ of warmRunFormatting(doc, warmOptions)) if (++done >= steps) break;
  const before = shellPrintCacheSize().entries;
  const edits = formatLines(doc, options);
  return { edits, printedDuringFormat: shellPrintCacheSize().entries - before };
}

describe('formatting after warming gives the cold edits', () => {
  for (const [name, text, requestPrints] of TEXTS) {
    for (const [optionsName, options] of [
      ['spaces', SPACES],
      ['tabs', TABS],
      ['narrow', NARROW],
    ] as const) {
      test(`${name}, ${optionsName}`, () => {
        const expected = cold(text, options);
        const full = warmed(text, options);
        assert.deepEqual(full.edits, expected);
        // Everything was prepared: the request printed nothing (but the RUN too long to prepare ahead).
        if (requestPrints) assert.ok(full.printedDuringFormat > 0);
        else assert.equal(full.printedDuringFormat, 0);
        assert.deepEqual(warmed(text, options, 5).edits, expected, 'partly warmed');
        assert.deepEqual(
          warmed(text, options, Infinity, options === SPACES ? TABS : SPACES).edits,
          expected,
          'warmed with other options',
        );
      });
    }
  }

  test('the generated file is changed by formatting (the comparison means something)', () => {
    const edits = cold(TEXTS[0]![1], SPACES) as unknown[];
    assert.ok(edits.length > 50, `${edits.length} edits`);
  });
});

test('the printer cache keeps at most 4,000 scripts, the least recently used dropped first', () => {
  clearShellPrintCache();
  const kept = printShell('echo kept', { indent: 4 });
  for (let i = 0; i < 4100; i++) {
    printShell(`echo ${i}`, { indent: 4 });
    // Used again now and then: stays.
    if (i % 1000 === 0) assert.equal(printShell('echo kept', { indent: 4 }), kept);
  }
  const { entries, chars } = shellPrintCacheSize();
  assert.equal(entries, 4000);
  assert.ok(chars < 4000 * 40, `${chars} characters`);
  const before = shellPrintCacheSize().entries;
  printShell('echo kept', { indent: 4 });
  assert.equal(shellPrintCacheSize().entries, before);
  clearShellPrintCache();
});
