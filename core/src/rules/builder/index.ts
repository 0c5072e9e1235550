// Builder errors: what `docker build` rejects outright (beyond what the parser reports).
import type { Rule } from '../rule';
import { copyDestinationNotDirectory } from './copyDestinationNotDirectory';
import { copyFromOwnStage } from './copyFromOwnStage';
import { copyFromUnknownStage } from './copyFromUnknownStage';
import { stageDependencyCycle } from './stageDependencyCycle';
import { duplicateFlag } from './duplicateFlag';
import { instructionBeforeFrom } from './instructionBeforeFrom';
import { invalidFlagValue } from './invalidFlagValue';
import { invalidHealthcheck } from './invalidHealthcheck';
import { invalidCheckDirective } from './invalidCheckDirective';
import { invalidDockerignore } from './invalidDockerignore';
import { invalidImageReference } from './invalidImageReference';
import { invalidMount } from './invalidMount';
import { invalidPort } from './invalidPort';
import { invalidStageName } from './invalidStageName';
import { noBuildStage } from './noBuildStage';
import { unknownFlag } from './unknownFlag';

export const BUILDER_RULES: readonly Rule[] = [
  unknownFlag,
  duplicateFlag,
  invalidFlagValue,
  invalidMount,
  invalidHealthcheck,
  invalidPort,
  invalidStageName,
  invalidImageReference,
  instructionBeforeFrom,
  noBuildStage,
  invalidCheckDirective,
  invalidDockerignore,
  copyDestinationNotDirectory,
  copyFromOwnStage,
  copyFromUnknownStage,
  stageDependencyCycle,
];
