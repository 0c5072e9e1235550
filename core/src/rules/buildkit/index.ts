// BuildKit's build checks, one module each, named after the check.
import type { Rule } from '../rule';
import { ConsistentInstructionCasing } from './ConsistentInstructionCasing';
import { CopyIgnoredFile } from './CopyIgnoredFile';
import { DuplicateStageName } from './DuplicateStageName';
import { ExposeInvalidFormat } from './ExposeInvalidFormat';
import { ExposeProtoCasing } from './ExposeProtoCasing';
import { FromAsCasing } from './FromAsCasing';
import { FromPlatformFlagConstDisallowed } from './FromPlatformFlagConstDisallowed';
import { InvalidDefaultArgInFrom } from './InvalidDefaultArgInFrom';
import { InvalidDefinitionDescription } from './InvalidDefinitionDescription';
import { JSONArgsRecommended } from './JSONArgsRecommended';
import { LegacyKeyValueFormat } from './LegacyKeyValueFormat';
import { MaintainerDeprecated } from './MaintainerDeprecated';
import { MultipleInstructionsDisallowed } from './MultipleInstructionsDisallowed';
import { NoEmptyContinuation } from './NoEmptyContinuation';
import { RedundantTargetPlatform } from './RedundantTargetPlatform';
import { ReservedStageName } from './ReservedStageName';
import { SecretsUsedInArgOrEnv } from './SecretsUsedInArgOrEnv';
import { StageNameCasing } from './StageNameCasing';
import { UndefinedArgInFrom } from './UndefinedArgInFrom';
import { UndefinedVar } from './UndefinedVar';
import { WorkdirRelativePath } from './WorkdirRelativePath';

export const BUILDKIT_RULES: readonly Rule[] = [
  ConsistentInstructionCasing,
  CopyIgnoredFile,
  DuplicateStageName,
  ExposeInvalidFormat,
  ExposeProtoCasing,
  FromAsCasing,
  FromPlatformFlagConstDisallowed,
  InvalidDefaultArgInFrom,
  InvalidDefinitionDescription,
  JSONArgsRecommended,
  LegacyKeyValueFormat,
  MaintainerDeprecated,
  MultipleInstructionsDisallowed,
  NoEmptyContinuation,
  RedundantTargetPlatform,
  ReservedStageName,
  SecretsUsedInArgOrEnv,
  StageNameCasing,
  UndefinedArgInFrom,
  UndefinedVar,
  WorkdirRelativePath,
];
