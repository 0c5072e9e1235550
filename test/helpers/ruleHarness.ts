// Runs one rule on inline Dockerfile text (and optionally a real build context on disk) and
// applies quick-fix edits, for table-driven rule tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BuildContext } from '../../core/src/context/buildContext';
import { parseText } from '../../core/src/parser';
import type { Finding, Rule, TextEdit } from '../../core/src/rules';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import { DiagnosticsEngine } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../core/src/engine/settings';
import { showRange } from './show';

/** The rule's findings through the diagnostics engine, as the server runs it (turned on even when off by default). */
export function runRule(rule: Rule, text: string, buildContext?: BuildContext): Finding[] {
  const document = new AnalysedDocument('file:///test/Dockerfile', 1, text, parseText(text));
  const settings = { ...defaultSettings(), 'layerwise.diagnostics.rules': { [rule.code]: 'warning' as const } };
  return new DiagnosticsEngine([rule]).findings(document, settings, buildContext).map(({ finding }) => finding);
}

/** `line:char-line:char` of each finding. */
export function ranges(findings: readonly Finding[]): string[] {
  return findings.map((f) => showRange(f.range));
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => {
    let sum = 0;
    for (let i = 0; i < p.line; i++) sum += (lines[i]?.length ?? 0) + 1;
    return sum + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted)
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** The text after applying the finding's first fix. */
export function fixed(text: string, finding: Finding | undefined): string {
  const fix = finding?.fixes?.[0];
  if (!fix) throw new Error('no fix');
  return applyEdits(text, fix.edits);
}

/** Writes `files` under `root` (`dir/` entries make empty folders); returns `root`. */
export function writeFiles(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (path.endsWith('/')) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  return root;
}

/** A build context folder with these files (`dir/` entries make empty folders). */
export function makeContext(files: Record<string, string>): {
  root: string;
  dockerfile: string;
  context: () => BuildContext;
} {
  const root = writeFiles(mkdtempSync(join(tmpdir(), 'layerwise-ctx-')), files);
  const dockerfile = join(root, 'Dockerfile');
  return { root, dockerfile, context: () => BuildContext.forDockerfile(dockerfile) };
}
