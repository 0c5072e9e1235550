// Best-practice rules, most of them reading RUN as shell.
import type { Rule } from '../rule';
import { addInsteadOfCopy } from './addInsteadOfCopy';
import { apkAddWithoutNoCache } from './apkAddWithoutNoCache';
import { aptGetInstallWithoutYes } from './aptGetInstallWithoutYes';
import { aptGetInstallWithRecommends } from './aptGetInstallWithRecommends';
import { aptInsteadOfAptGet } from './aptInsteadOfAptGet';
import { aptListsNotCleaned } from './aptListsNotCleaned';
import { baseImageLatestTag } from './baseImageLatestTag';
import { cdInsteadOfWorkdir } from './cdInsteadOfWorkdir';
import { consecutiveRuns } from './consecutiveRuns';
import { copyRelativeWithoutWorkdir } from './copyRelativeWithoutWorkdir';
import { curlAndWget } from './curlAndWget';
import { envUsesSameEnvName } from './envUsesSameEnvName';
import { finalStageUserRoot } from './finalStageUserRoot';
import { packageCacheNotCleaned } from './packageCacheNotCleaned';
import { pipeWithoutPipefail } from './pipeWithoutPipefail';
import { pipInstallWithoutNoCacheDir } from './pipInstallWithoutNoCacheDir';
import { serverStartedInRun } from './serverStartedInRun';
import { sudoInRun } from './sudoInRun';
import { finalStageWithoutUser } from './finalStageWithoutUser';
import { bashSyntaxInSh } from './bashSyntaxInSh';
import { npmInstallWithLockfile } from './npmInstallWithLockfile';
import { curlWithoutFail } from './curlWithoutFail';
import { worldWritablePermissions } from './worldWritablePermissions';
import { unverifiedRemoteScript } from './unverifiedRemoteScript';
import { symlinkReplacesBinSh } from './symlinkReplacesBinSh';
import { unpinnedPackageVersion } from './unpinnedPackageVersion';
import { useraddHighUidWithoutNoLogInit } from './useraddHighUidWithoutNoLogInit';
import { yarnCacheNotCleaned } from './yarnCacheNotCleaned';
import { nonNumericUser } from './nonNumericUser';
import { labelKeyFormat } from './labelKeyFormat';
import { disallowedRegistry } from './disallowedRegistry';
import { missingSchemaLabel } from './missingSchemaLabel';
import { labelValueType } from './labelValueType';
import { unknownLabel } from './unknownLabel';
import { missingHealthcheck } from './missingHealthcheck';
import { interactiveCommandInRun } from './interactiveCommandInRun';
import { wgetWithoutProgress } from './wgetWithoutProgress';
import { archiveCopiedThenExtracted } from './archiveCopiedThenExtracted';
import { copyWholeStageRoot } from './copyWholeStageRoot';
import { yumInstallWithoutYes } from './yumInstallWithoutYes';
import { zypperWithoutNonInteractive } from './zypperWithoutNonInteractive';
import { systemUpgradeInRun } from './systemUpgradeInRun';
import { entrypointResetsCmd } from './entrypointResetsCmd';

export const BEST_PRACTICE_RULES: readonly Rule[] = [
  aptGetInstallWithoutYes,
  aptGetInstallWithRecommends,
  aptListsNotCleaned,
  aptInsteadOfAptGet,
  apkAddWithoutNoCache,
  pipInstallWithoutNoCacheDir,
  yumInstallWithoutYes,
  zypperWithoutNonInteractive,
  packageCacheNotCleaned,
  unpinnedPackageVersion,
  sudoInRun,
  unverifiedRemoteScript,
  worldWritablePermissions,
  bashSyntaxInSh,
  curlWithoutFail,
  npmInstallWithLockfile,
  finalStageWithoutUser,
  cdInsteadOfWorkdir,
  serverStartedInRun,
  pipeWithoutPipefail,
  curlAndWget,
  addInsteadOfCopy,
  baseImageLatestTag,
  finalStageUserRoot,
  copyRelativeWithoutWorkdir,
  consecutiveRuns,
  envUsesSameEnvName,
  useraddHighUidWithoutNoLogInit,
  symlinkReplacesBinSh,
  yarnCacheNotCleaned,
  nonNumericUser,
  labelKeyFormat,
  disallowedRegistry,
  missingSchemaLabel,
  labelValueType,
  unknownLabel,
  missingHealthcheck,
  interactiveCommandInRun,
  wgetWithoutProgress,
  archiveCopiedThenExtracted,
  copyWholeStageRoot,
  systemUpgradeInRun,
  entrypointResetsCmd,
];
