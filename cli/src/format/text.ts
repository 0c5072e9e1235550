// `file:line:col severity code message`, one finding a line; colours only when asked. File names
// and messages (which quote the Dockerfile) reach the terminal with their control characters
// escaped, so neither can forge a line or send the terminal a command.
import type { Report, Severity } from '../report';
import { showControls } from '../terminalText';

const RESET = '\u001b[0m';
const STYLE: Record<Severity | 'path' | 'code', string> = {
  path: '\u001b[1m',
  code: '\u001b[2m',
  error: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[36m',
  hint: '\u001b[2m',
};

export function formatText(report: Report, color: boolean): string {
  const paint = (style: keyof typeof STYLE, text: string): string => (color ? `${STYLE[style]}${text}${RESET}` : text);
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const message = showControls(oneLine(finding.message));
      lines.push(
        `${paint('path', `${showControls(file.path)}:${finding.line}:${finding.column}`)} ` +
          `${paint(finding.severity, finding.severity)} ${paint('code', showControls(finding.code))} ${message}`,
      );
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Each run of blanks that holds a line break, as one space (one pass: `\s+` never rescans a blank). */
function oneLine(message: string): string {
  // Most messages have no line break: nothing would change, so no run of blanks is visited.
  if (!message.includes('\n')) return message;
  return message.replace(/\s+/g, (blanks) => (blanks.includes('\n') ? ' ' : blanks));
}
