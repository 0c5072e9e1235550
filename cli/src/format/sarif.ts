// SARIF 2.1.0 for GitHub code scanning: every rule with its description, help and docs link,
// every finding with its rule, level and region. Paths are relative to %SRCROOT% (the working folder).
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Report, Severity } from '../report';
import { type RuleInfo, ruleCatalog } from '../ruleCatalog';
import { FINGERPRINT_NAME } from '../fingerprint';
import { TOOL_VERSION } from '../version';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};
const SRCROOT = '%SRCROOT%';

export function formatSarif(report: Report): string {
  const catalog = new Map(ruleCatalog());
  // A code outside the catalog still gets a rule entry, so every result points at one.
  for (const file of report.files) {
    for (const f of file.findings) {
      if (!catalog.has(f.code))
        catalog.set(f.code, {
          code: f.code,
          description: { en: f.code, ko: f.code },
          docs: f.docs ?? '',
          defaultSeverity: f.severity,
          syntax: false,
        });
    }
  }
  const rules = [...catalog.values()];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.code, index]));
  const results: Sarif.Result[] = [];
  for (const file of report.files) {
    const artifactLocation = artifact(file.path);
    for (const f of file.findings) {
      results.push({
        ruleId: f.code,
        ruleIndex: ruleIndex.get(f.code)!,
        level: LEVEL[f.severity],
        message: { text: f.message },
        partialFingerprints: { [FINGERPRINT_NAME]: f.fingerprint },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
      });
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'layerwise',
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            rules: rules.map((rule) => describeRule(rule, report)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(report.cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.problems.length === 0,
            toolExecutionNotifications: report.problems.map((problem) => ({
              level: 'error' as const,
              message: { text: problem.message },
              ...(problem.path
                ? { locations: [{ physicalLocation: { artifactLocation: artifact(problem.path) } }] }
                : {}),
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule(rule: RuleInfo, report: Report): Sarif.ReportingDescriptor {
  const description = rule.description[report.language];
  const docsLabel = report.language === 'ko' ? '문서' : 'Documentation';
  return {
    id: rule.code,
    name: rule.code,
    shortDescription: { text: description },
    fullDescription: { text: description },
    ...(rule.docs ? { helpUri: rule.docs } : {}),
    help: rule.docs
      ? {
          text: `${description}\n${docsLabel}: ${rule.docs}`,
          markdown: `${description}\n\n[${docsLabel}](${rule.docs})`,
        }
      : { text: description },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: {
      tags: ['dockerfile', rule.syntax ? 'syntax' : 'check', ...(rule.category ? [rule.category] : [])],
      ...(rule.category ? { category: rule.category } : {}),
      equivalents: (rule.equivalents ?? []).map((equivalent) => ({ ...equivalent })),
    },
  };
}

/** A shown path as a SARIF artifact: relative ones against %SRCROOT%, others as file URLs. */
function artifact(path: string): Sarif.ArtifactLocation {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
