// Every rule, in one list. Add a rule by adding its module here.
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [];

export type { DocumentRule, Finding, Fix, InstructionRule, LocalizedText, Rule, RuleContext, Severity, TextEdit } from './rule';
