// Every rule, in one list. Add a rule by adding its module here.
import { BEST_PRACTICE_RULES } from './bestPractice';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  ...BEST_PRACTICE_RULES,
];

export type { DocumentRule, Finding, Fix, InstructionRule, LocalizedText, Rule, RuleContext, Severity, TextEdit } from './rule';
