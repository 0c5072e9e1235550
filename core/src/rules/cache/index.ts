// The layer-cache hints: one rule per file, registered in rules/index.ts.
import type { Rule } from '../rule';
import { argDeclaredEarly } from './argDeclaredEarly';
import { dockerignoreIncomplete } from './dockerignoreIncomplete';
import { dockerignoreMissing } from './dockerignoreMissing';
import { dockerignoreUnsupportedPattern } from './dockerignoreUnsupportedPattern';
import { installAfterBroadCopy } from './installAfterBroadCopy';
import { packageCacheMount } from './packageCacheMount';
import { updateWithoutInstall } from './updateWithoutInstall';
import { volatileBeforeHeavyRun } from './volatileBeforeHeavyRun';

export const CACHE_RULES: readonly Rule[] = [
  installAfterBroadCopy,
  argDeclaredEarly,
  updateWithoutInstall,
  volatileBeforeHeavyRun,
  packageCacheMount,
  dockerignoreMissing,
  dockerignoreIncomplete,
  dockerignoreUnsupportedPattern,
];
