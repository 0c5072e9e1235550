// A stable JSON report (documented in README, "JSON output"). Add fields only; never rename.
import { countBySeverity, type Report, type Severity } from '../report';
import { ruleCatalog } from '../ruleCatalog';
import { TOOL_VERSION } from '../version';

export interface JsonReport {
  schemaVersion: 1;
  tool: { name: 'layerwise'; version: string };
  files: {
    path: string;
    findings: {
      code: string;
      severity: Severity;
      message: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      docs: string | null;
      /** The rule's category (RuleCategory); null for a code outside the catalog. */
      category: string | null;
      /** The same check in other tools. */
      equivalents: { tool: string; id: string; note?: string }[];
      /** Stable across edits that move the finding; what --baseline matches. */
      fingerprint: string;
    }[];
  }[];
  problems: { path: string | null; message: string }[];
  summary: { files: number } & Record<Severity, number>;
}

export function formatJson(report: Report): string {
  const catalog = ruleCatalog();
  const json: JsonReport = {
    schemaVersion: 1,
    tool: { name: 'layerwise', version: TOOL_VERSION },
    files: report.files.map((file) => ({
      path: file.path,
      findings: file.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        docs: f.docs ?? null,
        category: catalog.get(f.code)?.category ?? null,
        equivalents: (catalog.get(f.code)?.equivalents ?? []).map((equivalent) => ({ ...equivalent })),
        fingerprint: f.fingerprint,
      })),
    })),
    problems: report.problems.map((p) => ({ path: p.path ?? null, message: p.message })),
    summary: { files: report.files.length, ...countBySeverity(report.files) },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
