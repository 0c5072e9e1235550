// Rule names accepted by `# check=skip=`: BuildKit's build checks plus our own rule codes.
import { RULES } from '../../../../core/src/rules';

/** BuildKit's build check names (docs.docker.com/reference/build-checks). */
export const BUILDKIT_CHECKS: readonly string[] = [
  'ConsistentInstructionCasing',
  'CopyIgnoredFile',
  'DuplicateStageName',
  'ExposeInvalidFormat',
  'ExposeProtoCasing',
  'FromAsCasing',
  'FromPlatformFlagConstDisallowed',
  'InvalidBaseImagePlatform',
  'InvalidDefaultArgInFrom',
  'InvalidDefinitionDescription',
  'JSONArgsRecommended',
  'LegacyKeyValueFormat',
  'MaintainerDeprecated',
  'MultipleInstructionsDisallowed',
  'NoEmptyContinuation',
  'RedundantTargetPlatform',
  'ReservedStageName',
  'SecretsUsedInArgOrEnv',
  'StageNameCasing',
  'UndefinedArgInFrom',
  'UndefinedVar',
  'WorkdirRelativePath',
];

export function checkNames(): string[] {
  return [...new Set([...BUILDKIT_CHECKS, ...RULES.map((rule) => rule.code)])].sort();
}
