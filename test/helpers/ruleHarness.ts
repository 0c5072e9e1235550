// Runs one rule on inline Dockerfile text (and optionally a real build context on disk) and
// applies quick-fix edits, for table-driven rule tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BuildContext } from '../../core/src/context/buildContext';
import { parseText } from '../../core/src/parser';
import type { Finding, Rule, RuleSettings } from '../../core/src/rules';
import { AnalysedDocument, CheckEngine, defaultSettings } from '../../core/src/engine';
import { showRange } from './show';
import { applyEdits } from './textEdits';

/** The rule's findings through the check engine, as the server and CLI run it (turned on even when off by default). */
export function runRule(
  rule: Rule,
  text: string,
  buildContext?: BuildContext,
  ruleSettings: Partial<RuleSettings> = {},
): Finding[] {
  const document = new AnalysedDocument('file:///test/Dockerfile', 1, text, parseText(text));
  const defaults = defaultSettings();
  const settings = {
    ...defaults,
    'layerwise.diagnostics.rules': { [rule.code]: 'warning' as const },
    'layerwise.diagnostics.allowedRegistries': [
      ...(ruleSettings.allowedRegistries ?? defaults['layerwise.diagnostics.allowedRegistries']),
    ],
    'layerwise.diagnostics.labelSchema': {
      ...(ruleSettings.labelSchema ?? defaults['layerwise.diagnostics.labelSchema']),
    },
    'layerwise.diagnostics.strictLabels': ruleSettings.strictLabels ?? defaults['layerwise.diagnostics.strictLabels'],
  };
  return new CheckEngine([rule]).findings(document, settings, buildContext).map(({ finding }) => finding);
}

/** `line:char-line:char` of each finding. */
export function ranges(findings: readonly Finding[]): string[] {
  return findings.map((f) => showRange(f.range));
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
