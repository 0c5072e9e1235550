// `layerwise check --fix`: the fix passes (fixText), and the built binary rewriting files, printing
// diffs with --dry-run, leaving .dockerignore alone, and fixing every corpus file without changing
// anything but what the fixes are about.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TextChecker } from '../../cli/src/checkText';
import { applyEdits, changesOnlyThisFile, fixText } from '../../cli/src/fix/applyFixes';
import { unifiedDiff } from '../../cli/src/formatCommand';
import { runCli } from '../../cli/src/run';
import { defaultSettings } from '../../core/src/engine';
import { instructionAtLine } from '../../core/src/engine/instructionAt';
import { parseText } from '../../core/src/parser';
import { initShellParser } from '../../core/src/shell';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';
import { CORPUS_DIR } from '../helpers/corpus';

after(removeFolders);

const at = (line: number, character: number) => ({ line, character });
const edit = (line: number, from: number, to: number, newText: string) => ({
  range: { start: at(line, from), end: at(line, to) },
  newText,
});
const title = { en: 'fix', ko: '수정' };

test('edits apply from the last to the first; \\r\\n and \\r line breaks are kept', () => {
  assert.equal(
    applyEdits('ab\r\ncd\ref', [edit(0, 0, 1, 'A'), edit(1, 1, 2, 'D'), edit(2, 0, 0, '>')]),
    'Ab\r\ncD\r>ef',
  );
  // A position past the end of its line stays before the line break.
  assert.equal(applyEdits('ab\ncd', [edit(0, 5, 5, '!')]), 'ab!\ncd');
});

test('overlapping fixes wait for the next pass, which checks the new text; passes stop when nothing changes', () => {
  let checks = 0;
  // Two findings want to rewrite the same word; each check finds what is still lower case.
  const result = fixText('run x', (text) => {
    checks++;
    return text.startsWith('run')
      ? [
          { code: 'Upper', severity: 'warning', fixes: [{ title, edits: [edit(0, 0, 3, 'RUN')] }] },
          { code: 'Other', severity: 'warning', fixes: [{ title, edits: [edit(0, 1, 2, 'U')] }] },
        ]
      : text.includes('x')
        ? [{ code: 'Upper', severity: 'warning', fixes: [{ title, edits: [edit(0, 4, 5, 'X')] }] }]
        : [];
  });
  assert.equal(result.text, 'RUN X');
  assert.deepEqual([...result.fixed], [['Upper', 2]]);
  assert.equal(checks, 3);
});

test('fixes of hints and fixes that touch another file are not applied', () => {
  const dockerignore = { path: '/p/.dockerignore', text: 'node_modules\n' };
  const result = fixText('FROM a', () => [
    { code: 'Hint', severity: 'hint', fixes: [{ title, edits: [edit(0, 0, 4, 'X')] }] },
    { code: 'Ignore', severity: 'info', fixes: [{ title, edits: [], createFile: dockerignore }] },
  ]);
  assert.equal(result.text, 'FROM a');
  assert.deepEqual([...result.skippedOtherFiles], [['Ignore', 1]]);
});

const UNFIXED = 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl\nMAINTAINER me\nCOPY . /app\n';

test('--fix rewrites the file in place (mode kept), says what it fixed, and reports what is left', () => {
  const root = makeFolder({ Dockerfile: UNFIXED, 'package.json': '{}\n', 'node_modules/x/index.js': '' });
  chmodSync(join(root, 'Dockerfile'), 0o640);
  const run = runLayerwise(['check', '--fix', '--fail-level', 'none', '--format', 'json'], { cwd: root });
  assert.equal(run.status, 0, run.stderr);
  const fixed = readFileSync(join(root, 'Dockerfile'), 'utf8');
  assert.match(fixed, /^LABEL org\.opencontainers\.image\.authors="me"$/m);
  assert.match(fixed, /apt-get install --no-install-recommends -y curl && rm -rf \/var\/lib\/apt\/lists\/\*$/m);
  assert.equal(statSync(join(root, 'Dockerfile')).mode & 0o777, 0o640);
  assert.match(run.stderr, /fixed Dockerfile: .*MaintainerDeprecated ×1/);
  // No temporary file is left behind, and no .dockerignore is created for the COPY . of node_modules.
  assert.deepEqual(readdirSync(root).sort(), ['Dockerfile', 'node_modules', 'package.json']);
  const codes = JSON.parse(run.stdout).files[0].findings.map((f: { code: string }) => f.code);
  assert.ok(!codes.includes('MaintainerDeprecated') && !codes.includes('AptListsNotCleaned'), codes.join());
});

test('--fix --dry-run prints a unified diff, writes nothing and exits 1 when something would change', () => {
  const root = makeFolder({ Dockerfile: UNFIXED });
  const run = runLayerwise(['check', '--fix', '--dry-run'], { cwd: root });
  assert.equal(run.status, 1, run.stderr);
  assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), UNFIXED);
  assert.match(run.stdout, /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ -1,5 \+1,5 @@\n/);
  assert.match(run.stdout, /^-MAINTAINER me\n/m);
  assert.match(run.stdout, /^\+LABEL org\.opencontainers\.image\.authors="me"$/m);
  assert.match(run.stderr, /would fix Dockerfile: /);
  const clean = runLayerwise(['check', '--fix', '--dry-run', '-'], { cwd: root, stdin: 'FROM alpine:3.20\n' });
  assert.equal(clean.status, 0, clean.stderr);
  assert.equal(clean.stdout, '');
});

test('--fix refuses standard input (nowhere to write), --dry-run needs --fix', () => {
  const root = makeFolder({});
  const stdin = runLayerwise(['check', '--fix', '-'], { cwd: root, stdin: UNFIXED });
  assert.equal(stdin.status, 2);
  assert.match(stdin.stderr, /--fix cannot write standard input/);
  const dry = runLayerwise(['check', '--dry-run', '--lang', 'ko'], { cwd: root });
  assert.equal(dry.status, 2);
  assert.match(dry.stderr, /--dry-run는 --fix와 함께 써야 합니다/);
});

/** The 0-based lines of `before` that a line diff to `after` removes, and the lines insertions follow. */
function changedLines(before: string, after: string): number[] {
  const lines: number[] = [];
  let old = 0;
  for (const line of unifiedDiff('f', before, after).split('\n').slice(2)) {
    const hunk = /^@@ -(\d+)/.exec(line);
    if (hunk) old = Number(hunk[1]) - 1;
    else if (line.startsWith('-')) lines.push(old++);
    else if (line.startsWith('+')) lines.push(Math.max(0, old - 1));
    else old++;
  }
  return lines;
}

test('--fix on every corpus file: it still parses, what was fixed is gone, nothing else changed', async () => {
  await initShellParser();
  const root = mkdtempSync(join(tmpdir(), 'layerwise-fix-corpus-'));
  try {
    cpSync(CORPUS_DIR, root, { recursive: true });
    const checker = new TextChecker();
    const settings = defaultSettings();
    const files = readdirSync(root).flatMap((folder) =>
      readdirSync(join(root, folder)).map((name) => join(folder, name)),
    );
    const findingsOf = async (path: string, text: string) => {
      const { context } = await checker.contextFor(path);
      return checker.checked(text, path, settings, 'en', context).checked;
    };
    const before = new Map<string, { text: string; findings: Awaited<ReturnType<typeof findingsOf>> }>();
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      before.set(file, { text, findings: await findingsOf(join(root, file), text) });
    }
    // In this process, so the fixes and the checks around them come from the same rules.
    let stderr = '';
    const status = await runCli(['check', '--fix', '--fail-level', 'none', '--format', 'json', '*/*'], {
      cwd: root,
      env: {},
      stdoutIsTTY: false,
      readStdin: async () => '',
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
    });
    assert.equal(status, 0, stderr);
    let fixedFiles = 0;
    for (const file of files) {
      const { text, findings } = before.get(file)!;
      const fixedText = readFileSync(join(root, file), 'utf8');
      const after = await findingsOf(join(root, file), fixedText);
      const fixable = (f: (typeof after)[number]) =>
        f.severity !== 'hint' && f.fixes[0] !== undefined && changesOnlyThisFile(f.fixes[0]);
      if (fixedText !== text) fixedFiles++;
      // It parses: no parser problem that was not there before.
      const errors = (list: typeof after) => list.filter((f) => f.rule === undefined).map((f) => f.code);
      assert.deepEqual(errors(after), errors(findings), `${file}: parser problems`);
      // What --fix fixes is gone.
      assert.deepEqual(
        after.filter(fixable).map((f) => f.code),
        [],
        `${file}: fixable findings left`,
      );
      // Only instructions with a fixable finding changed.
      const tree = parseText(text).tree;
      const fixedLines = new Set<number>();
      for (const finding of findings.filter(fixable)) {
        const instruction = instructionAtLine(tree, finding.range.start.line);
        const from = instruction?.range.start.line ?? finding.range.start.line;
        const to = instruction?.range.end.line ?? finding.range.end.line;
        for (let line = from; line <= to; line++) fixedLines.add(line);
      }
      for (const line of changedLines(text, fixedText))
        assert.ok(fixedLines.has(line), `${file}: line ${line + 1} changed, but no fixed finding is on it`);
      // Every finding without a fix is still there, unless its instruction was rewritten.
      const afterByCode = new Map<string, number>();
      for (const f of after) afterByCode.set(f.code, (afterByCode.get(f.code) ?? 0) + 1);
      for (const finding of findings.filter((f) => !fixable(f))) {
        const instruction = instructionAtLine(tree, finding.range.start.line);
        const lines = instruction ? [instruction.range.start.line, instruction.range.end.line] : [];
        if (lines.some((line) => fixedLines.has(line))) continue;
        const left = afterByCode.get(finding.code) ?? 0;
        assert.ok(left > 0, `${file}: ${finding.code} at line ${finding.range.start.line + 1} disappeared`);
        afterByCode.set(finding.code, left - 1);
      }
    }
    assert.ok(fixedFiles > 20, `only ${fixedFiles} corpus files had something to fix`);
    assert.ok(existsSync(join(root, files[0]!)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
