// Splits a stream of output chunks into lines. A chunk may end mid-line; "\r\n" ends a line;
// a lone "\r" (a progress line redrawn in place) keeps only what was drawn last. Pure.
// Linear in the output: each chunk is scanned once, and a line longer than `maxLineChars`
// keeps its first `maxLineChars` characters (a progress bar that never prints "\n" cannot
// grow one line without bound).

/** Longest line handed to the parsers; output longer than this is cut (the terminal shows it all). */
export const maxLineChars = 64 * 1024;

export class OutputLineSplitter {
  /** What is drawn so far on the current line. */
  private line = '';
  /** A "\r" came after the last text: the next text redraws the line (a "\n" first just ends it). */
  private redrawPending = false;

  constructor(private readonly maxChars: number = maxLineChars) {}

  /** Feeds a chunk; returns the lines it completed. */
  push(chunk: string): string[] {
    const completed: string[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', start);
      this.draw(chunk, start, newline === -1 ? chunk.length : newline);
      if (newline === -1) return completed;
      completed.push(this.take());
      start = newline + 1;
    }
  }

  /** Returns the unterminated last line, if any, and resets. */
  flush(): string[] {
    const rest = this.take();
    return rest === '' ? [] : [rest];
  }

  private take(): string {
    const line = this.line;
    this.line = '';
    this.redrawPending = false;
    return line;
  }

  /** Draws chunk[from, to), which holds no "\n". */
  private draw(chunk: string, from: number, to: number): void {
    let start = from;
    while (start < to) {
      const cr = chunk.indexOf('\r', start);
      const end = cr === -1 || cr >= to ? to : cr;
      if (end > start) {
        if (this.redrawPending) {
          this.line = '';
          this.redrawPending = false;
        }
        const room = this.maxChars - this.line.length;
        if (room > 0) this.line += chunk.slice(start, Math.min(end, start + room));
      }
      if (end === to) return;
      this.redrawPending = true;
      start = end + 1;
    }
  }
}

/** Removes ANSI escape sequences (colours, cursor moves) so parsers see plain text. */
export function stripAnsi(text: string): string {
  // CSI sequences, OSC sequences and two-character escapes. Each alternative starts with ESC
  // and its classes are disjoint, so a failed attempt stops at the next ESC: linear.
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '');
}
