// Every code a finding can carry, with its description and docs: the rules and the parser's codes.
import { RULES } from '../../core/src/rules';
import type { LocalizedText } from '../../core/src/rules';
import type { Severity } from './report';
import { SYNTAX_RULES } from './syntaxRules';

export interface RuleInfo {
  code: string;
  description: LocalizedText;
  docs: string;
  defaultSeverity: Severity;
  /** Parser problems: always errors, not configurable. */
  syntax: boolean;
}

let catalog: Map<string, RuleInfo> | undefined;

export function ruleCatalog(): ReadonlyMap<string, RuleInfo> {
  if (catalog) return catalog;
  catalog = new Map();
  for (const [code, { description, docs }] of Object.entries(SYNTAX_RULES)) {
    catalog.set(code, { code, description, docs, defaultSeverity: 'error', syntax: true });
  }
  for (const rule of RULES) {
    catalog.set(rule.code, {
      code: rule.code,
      description: rule.description,
      docs: rule.docs,
      defaultSeverity: rule.severity,
      syntax: false,
    });
  }
  return catalog;
}
