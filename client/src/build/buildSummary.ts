// Human wording for build results: durations, sizes, one-line summaries and per-instruction
// labels, worded by the Translator passed in. Pure.
import { formatBytes } from '../../../core/src/forClient';
import { formatDuration } from '../../../core/src/forClient';
import type { Translator } from '../l10n/translator';
import { cacheSummary, type DockerfileBuildResult, type InstructionBuildResult } from './buildResults';

export { formatBytes, formatDuration };

/** "Built app:latest in 4.2 s · 5 of 7 steps from cache" (or the failure/cancel variant). */
export function buildSummaryLine(result: DockerfileBuildResult, l10n: Translator): string {
  const cache = cacheSummary(result);
  const cacheText =
    cache.steps === 1
      ? l10n.t('{0} of {1} step from cache', cache.cached, cache.steps)
      : l10n.t('{0} of {1} steps from cache', cache.cached, cache.steps);
  const duration = formatDuration(result.durationMs, l10n.language);
  if (result.canceled) return l10n.t('Build of {0} stopped after {1}', result.imageTag, duration);
  if (!result.succeeded) return l10n.t('Build of {0} failed after {1} · {2}', result.imageTag, duration, cacheText);
  return l10n.t('Built {0} in {1} · {2}', result.imageTag, duration, cacheText);
}

/** The short label shown after an instruction: "cached", "ran 2.3 s · +1.9 MB", "failed". */
export function instructionLabel(instruction: InstructionBuildResult, l10n: Translator): string {
  const parts: string[] = [];
  const duration =
    instruction.status !== 'cached' && instruction.durationMs !== undefined && instruction.keyword !== 'FROM'
      ? formatDuration(instruction.durationMs, l10n.language)
      : undefined;
  switch (instruction.status) {
    case 'cached':
      parts.push(l10n.t('cached'));
      break;
    case 'ran':
      if (instruction.keyword === 'FROM') parts.push(l10n.t('base image'));
      else parts.push(duration === undefined ? l10n.t('ran') : l10n.t('ran {0}', duration));
      break;
    case 'failed':
      parts.push(duration === undefined ? l10n.t('failed') : l10n.t('failed {0}', duration));
      break;
    case 'canceled':
      parts.push(duration === undefined ? l10n.t('stopped') : l10n.t('stopped {0}', duration));
      break;
    case 'incomplete':
      parts.push(duration === undefined ? l10n.t('not finished') : l10n.t('not finished {0}', duration));
      break;
    case 'not-built':
      parts.push(l10n.t('not built'));
      break;
  }
  if (instruction.sizeBytes !== undefined && instruction.sizeBytes > 0)
    parts.push(`+${formatBytes(instruction.sizeBytes)}`);
  return parts.join(' · ');
}
