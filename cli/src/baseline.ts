// `--baseline FILE`: findings recorded once (`--update-baseline`) are not reported again, so a CI
// job can fail only on new ones. Findings are matched by fingerprint (fingerprint.ts), so moving
// an instruction does not bring its findings back; each recorded finding hides one finding.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { LocalizedText } from '../../core/src/rules';
import { describeFileError } from '../../core/src/engine/fileErrors';
import type { FileResult } from './report';
import { showControls as shown } from './terminalText';
import { writeAtomically } from './fix/writeAtomically';

const BASELINE_VERSION = 1;
/** A baseline of a million findings is about 100 MB; past this size the file is not one of ours. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

interface BaselineFile {
  version: typeof BASELINE_VERSION;
  tool: 'layerwise';
  findings: { path: string; code: string; fingerprint: string }[];
}

/** The recorded findings, by fingerprint, with how many each stands for. */
export type Baseline = Map<string, number>;

export function readBaseline(path: string, shownPath: string): Baseline | LocalizedText {
  const bad = (en: string, ko: string): LocalizedText => ({
    en: `baseline ${shown(shownPath)}: ${en} (write a new one with --update-baseline)`,
    ko: `기준선 파일 ${shown(shownPath)}: ${ko} (--update-baseline으로 새로 만드세요)`,
  });
  let text: string;
  try {
    if (statSync(path).size > MAX_BASELINE_BYTES)
      return bad(
        `larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MB`,
        `${MAX_BASELINE_BYTES / 1024 / 1024}MB보다 큽니다`,
      );
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = describeFileError(error);
    return bad(`cannot be read: ${reason.en}`, `읽을 수 없습니다: ${reason.ko}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return bad(`not valid JSON: ${reason}`, `올바른 JSON이 아닙니다: ${reason}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return bad('not a layerwise baseline', 'layerwise 기준선 파일이 아닙니다');
  const { version, findings } = json as { version?: unknown; findings?: unknown };
  if (version !== BASELINE_VERSION)
    return bad(
      `version ${shown(JSON.stringify(version) ?? 'missing')} is not ${BASELINE_VERSION}`,
      `버전 ${shown(JSON.stringify(version) ?? '없음')}이(가) ${BASELINE_VERSION}이 아닙니다`,
    );
  if (!Array.isArray(findings)) return bad('"findings" is not a list', '"findings"가 목록이 아닙니다');
  const baseline: Baseline = new Map();
  for (const entry of findings) {
    const fingerprint = (entry as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof fingerprint !== 'string')
      return bad('a finding has no "fingerprint" text', '"fingerprint" 문자열이 없는 항목이 있습니다');
    baseline.set(fingerprint, (baseline.get(fingerprint) ?? 0) + 1);
  }
  return baseline;
}

/** The files' findings that the baseline does not hold, and how many it held. */
export function withoutBaseline(
  files: readonly FileResult[],
  baseline: Baseline,
): { files: FileResult[]; hidden: number } {
  const left = new Map(baseline);
  let hidden = 0;
  const kept = files.map((file) => ({
    ...file,
    findings: file.findings.filter((finding) => {
      const count = left.get(finding.fingerprint) ?? 0;
      if (count === 0) return true;
      left.set(finding.fingerprint, count - 1);
      hidden++;
      return false;
    }),
  }));
  return { files: kept, hidden };
}

export function writeBaseline(path: string, files: readonly FileResult[]): void {
  const baseline: BaselineFile = {
    version: BASELINE_VERSION,
    tool: 'layerwise',
    findings: files.flatMap((file) =>
      file.findings.map((finding) => ({ path: file.path, code: finding.code, fingerprint: finding.fingerprint })),
    ),
  };
  const text = `${JSON.stringify(baseline, null, 2)}\n`;
  if (existsSync(path)) writeAtomically(path, text);
  else writeFileSync(path, text);
}
