// Every rule, in one list. Add a rule by adding its module here.
import { CACHE_RULES } from './cache';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [...CACHE_RULES];

export type { DocumentRule, Finding, Fix, InstructionRule, LocalizedText, Rule, RuleContext, Severity, TextEdit } from './rule';
