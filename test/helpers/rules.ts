// Runs the real rules engine on inline Dockerfile text, for table-driven rule tests.
import type { BuildContext } from '../../core/src/context/buildContext';
import { parseText } from '../../core/src/parser';
import { RULES } from '../../core/src/rules';
import {
  AnalysedDocument,
  CheckEngine,
  defaultSettings,
  type RuleFinding,
  type RuleSeverity,
  type Settings,
} from '../../core/src/engine';
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
  return new CheckEngine(RULES).findings(document, settingsWith(options.rules), options.buildContext);
}

/** `code@l:c-l:c` for every finding of `code`. */
export function findingsOf(text: string, code: string, options: CheckOptions = {}): string[] {
  return ruleFindings(text, options)
    .filter(({ rule }) => rule.code === code)
    .map(({ rule, finding }) => `${rule.code}@${showRange(finding.range)}`);
}
