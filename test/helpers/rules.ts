// Runs the real rules engine on inline Dockerfile text, for table-driven rule tests.
import type { BuildContext } from '../../core/src/context/buildContext';
import { parseText } from '../../core/src/parser';
import { RULES } from '../../core/src/rules';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import { DiagnosticsEngine, type RuleFinding } from '../../server/src/service/diagnostics';
import { defaultSettings, type RuleSeverity, type Settings } from '../../core/src/engine/settings';
import { showRange } from './show';

export interface CheckOptions {
  rules?: Record<string, RuleSeverity>;
  buildContext?: BuildContext;
}

export function settingsWith(rules: Record<string, RuleSeverity> = {}): Settings {
  const settings = defaultSettings();
  settings['layerwise.diagnostics.rules'] = rules;
  return settings;
}

export function ruleFindings(text: string, options: CheckOptions = {}): RuleFinding[] {
  const document = new AnalysedDocument('file:///test/Dockerfile', 1, text, parseText(text));
  return new DiagnosticsEngine(RULES).findings(document, settingsWith(options.rules), options.buildContext);
}

/** `code@l:c-l:c` for every finding of `code`. */
export function findingsOf(text: string, code: string, options: CheckOptions = {}): string[] {
  return ruleFindings(text, options)
    .filter(({ rule }) => rule.code === code)
    .map(({ rule, finding }) => `${rule.code}@${showRange(finding.range)}`);
}

/** Applies LSP text edits (non-overlapping) to `text`. */
export function applyEdits(
  text: string,
  edits: readonly {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[],
): string {
  const lines = text.split('\n');
  const offset = (position: { line: number; character: number }): number => {
    let total = 0;
    for (let i = 0; i < position.line && i < lines.length; i++) total += lines[i]!.length + 1;
    return total + position.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted)
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}
