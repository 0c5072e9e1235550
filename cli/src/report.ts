// What a check run found, independent of how it is printed.
import type { Language } from '../../core/src/engine/language';
import type { Severity } from '../../core/src/rules';

/** The engine's severity words, reported as they are. */
export type { Severity };

/** Most severe first; `--fail-level` compares by this order. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** 1-based; columns count UTF-16 code units, like the editor and SARIF. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Documentation page of the rule, when it has one. */
  docs: string | undefined;
  /** Stable across edits that move the finding (fingerprint.ts): baselines and SARIF use it. */
  fingerprint: string;
}

export interface FileResult {
  /** As shown to the user: relative to the working folder when inside it, `/`-separated. */
  path: string;
  findings: Finding[];
}

/** Something that kept part of the run from happening: an unreadable file, a bad config. */
export interface RunProblem {
  path: string | undefined;
  message: string;
}

export interface Report {
  files: FileResult[];
  problems: RunProblem[];
  language: Language;
  /** Absolute working folder, the base of relative paths. */
  cwd: string;
}

export function countBySeverity(files: readonly FileResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) for (const finding of file.findings) counts[finding.severity]++;
  return counts;
}

/** Whether a finding is at or above the level (`none` never fails). */
export function reachesLevel(severity: Severity, level: Severity | 'none'): boolean {
  return level !== 'none' && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(level);
}
