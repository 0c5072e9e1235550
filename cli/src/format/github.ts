// GitHub Actions workflow commands: each finding becomes an annotation on the file and line.
import type { Report, Severity } from '../report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(`layerwise ${finding.code}`)}`,
      ];
      lines.push(`::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
    }
  }
  for (const problem of report.problems)
    lines.push(`::error${problem.path ? ` file=${escapeProperty(problem.path)}` : ''}::${escapeData(problem.message)}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

// The runner reads `%`, CR and LF as escapes in a message, and also `:` and `,` in a property.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
