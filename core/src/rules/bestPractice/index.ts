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
import { finalStageUserRoot } from './finalStageUserRoot';
import { packageCacheNotCleaned } from './packageCacheNotCleaned';
import { pipeWithoutPipefail } from './pipeWithoutPipefail';
import { pipInstallWithoutNoCacheDir } from './pipInstallWithoutNoCacheDir';
import { serverStartedInRun } from './serverStartedInRun';
import { sudoInRun } from './sudoInRun';
import { unpinnedPackageVersion } from './unpinnedPackageVersion';
import { yumInstallWithoutYes } from './yumInstallWithoutYes';
import { zypperWithoutNonInteractive } from './zypperWithoutNonInteractive';

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
  cdInsteadOfWorkdir,
  serverStartedInRun,
  pipeWithoutPipefail,
  curlAndWget,
  addInsteadOfCopy,
  baseImageLatestTag,
  finalStageUserRoot,
  copyRelativeWithoutWorkdir,
  consecutiveRuns,
];
