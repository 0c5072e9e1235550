// Human wording for build results: durations, sizes, one-line summaries and per-instruction
// labels. Pure.
import { formatBytes } from '../../../server/src/byteSize';
import { formatDuration } from '../../../server/src/duration';
import { cacheSummary, type DockerfileBuildResult, type InstructionBuildResult } from './buildResults';

export { formatBytes, formatDuration };

/** "Built app:latest in 4.2 s · 5 of 7 steps from cache" (or the failure/cancel variant). */
export function buildSummaryLine(result: DockerfileBuildResult): string {
  const cache = cacheSummary(result);
  const cacheText = `${cache.cached} of ${cache.steps} step${cache.steps === 1 ? '' : 's'} from cache`;
  const duration = formatDuration(result.durationMs);
  if (result.canceled) return `Build of ${result.imageTag} stopped after ${duration}`;
  if (!result.succeeded) return `Build of ${result.imageTag} failed after ${duration} · ${cacheText}`;
  return `Built ${result.imageTag} in ${duration} · ${cacheText}`;
}

/** The short label shown after an instruction: "cached", "ran 2.3 s · +1.9 MB", "failed". */
export function instructionLabel(instruction: InstructionBuildResult): string {
  const parts: string[] = [];
  switch (instruction.status) {
    case 'cached':
      parts.push('cached');
      break;
    case 'ran':
      parts.push(instruction.keyword === 'FROM' ? 'base image' : 'ran');
      break;
    case 'failed':
      parts.push('failed');
      break;
    case 'canceled':
      parts.push('stopped');
      break;
    case 'incomplete':
      parts.push('not finished');
      break;
  }
  if (instruction.status !== 'cached' && instruction.durationMs !== undefined && instruction.keyword !== 'FROM') {
    parts[0] = `${parts[0] ?? ''} ${formatDuration(instruction.durationMs)}`;
  }
  if (instruction.sizeBytes !== undefined && instruction.sizeBytes > 0) parts.push(`+${formatBytes(instruction.sizeBytes)}`);
  return parts.join(' · ');
}
