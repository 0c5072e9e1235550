// Every rule, in one list. Add a rule by adding its module here.
import { BEST_PRACTICE_RULES } from './bestPractice';
import { BUILDER_RULES } from './builder';
import { BUILDKIT_RULES } from './buildkit';
import { CACHE_RULES } from './cache';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [...BUILDER_RULES, ...BUILDKIT_RULES, ...CACHE_RULES, ...BEST_PRACTICE_RULES];

export type {
  DocumentRule,
  Finding,
  Fix,
  InstructionRule,
  LocalizedText,
  Rule,
  RuleContext,
  RuleFinding,
  Severity,
  StageRule,
  TextEdit,
  RuleCategory,
  Equivalent,
  RuleExample,
  RuleSettings,
  LabelType,
} from './rule';
