// Every code a finding can carry, with its description, docs, category and the same check in
// other tools: the rules and the parser's codes.
import { RULES } from '../../core/src/rules';
import type { Equivalent, LocalizedText, RuleCategory } from '../../core/src/rules';
import type { Severity } from './report';
import { SYNTAX_RULES } from './syntaxRules';

export interface RuleInfo {
  code: string;
  description: LocalizedText;
  docs: string;
  defaultSeverity: Severity;
  /** Parser problems: always errors, not configurable. */
  syntax: boolean;
  /**
   * What kind of problem it is; parser problems are `builder` (`docker build` rejects the file
   * too). Left out for a code outside the catalog.
   */
  category?: RuleCategory;
  /** The same check in BuildKit, hadolint, droast or ShellCheck, so reports can name it. */
  equivalents?: readonly Equivalent[];
}

let catalog: Map<string, RuleInfo> | undefined;

export function ruleCatalog(): ReadonlyMap<string, RuleInfo> {
  if (catalog) return catalog;
  catalog = new Map();
  for (const [code, { description, docs }] of Object.entries(SYNTAX_RULES)) {
    catalog.set(code, {
      code,
      description,
      docs,
      defaultSeverity: 'error',
      syntax: true,
      category: 'builder',
      equivalents: [],
    });
  }
  for (const rule of RULES) {
    catalog.set(rule.code, {
      code: rule.code,
      description: rule.description,
      docs: rule.docs,
      defaultSeverity: rule.severity,
      syntax: false,
      category: rule.category,
      equivalents: rule.equivalents,
    });
  }
  return catalog;
}
