// Splits a stream of output chunks into lines. A chunk may end mid-line; "\r\n" ends a line;
// a lone "\r" (a progress line redrawn in place) keeps only what was drawn last. Pure.

export class OutputLineSplitter {
  private pending = '';

  /** Feeds a chunk; returns the lines it completed. */
  push(chunk: string): string[] {
    const text = this.pending + chunk;
    const parts = text.split('\n');
    this.pending = parts.pop() ?? '';
    return parts.map(lastRedraw);
  }

  /** Returns the unterminated last line, if any, and resets. */
  flush(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? [] : [lastRedraw(rest)];
  }
}

function lastRedraw(line: string): string {
  const trimmed = line.replace(/\r+$/, '');
  const lastReturn = trimmed.lastIndexOf('\r');
  return lastReturn === -1 ? trimmed : trimmed.slice(lastReturn + 1);
}

/** Removes ANSI escape sequences (colours, cursor moves) so parsers see plain text. */
export function stripAnsi(text: string): string {
  // CSI sequences, OSC sequences and two-character escapes.
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '');
}
