// Reading a .dockerignore file into its list of patterns the way BuildKit does before any
// pattern is compiled (moby/patternmatcher ignorefile.ReadAll, which the Dockerfile frontend
// calls on the file's bytes):
//   - lines end at `\n` only, each losing one `\r` before it; a lone `\r` does not end a line;
//   - a UTF-8 byte order mark is dropped from the first line;
//   - a line whose first character is `#` is a comment (an indented `#` is a pattern);
//   - white space around the pattern goes (Go's white space), blank lines are skipped;
//   - a leading `!` marks an exception, with white space after it dropped too;
//   - the rest is cleaned as a path (filepath.Clean) and one leading `/` removed, so `/a`,
//     `./a/` and `a//b/..` mean `a`;
//   - a line of 64 KiB or more stops the reading (Go's line scanner refuses it), and the build
//     fails.
import { goCleanPath, goTrimSpace } from './goText';

/** bufio.Scanner's largest line, newline included. */
const MAX_IGNORE_LINE_BYTES = 64 * 1024;

interface IgnoreFileEntry {
  /** The pattern as BuildKit passes it on: cleaned, with its leading `!` when it has one. */
  pattern: string;
  /** 0-based line as an editor counts lines (`\r\n`, `\r` and `\n` each end one). */
  line: number;
}

export interface IgnoreFileContents {
  entries: IgnoreFileEntry[];
  /** The editor line of a line too long for BuildKit to read; the build fails on it. */
  tooLongLine?: number;
}

export function readIgnoreFile(text: string): IgnoreFileContents {
  const entries: IgnoreFileEntry[] = [];
  let tooLongLine: number | undefined;
  let editorLine = 0;
  let start = 0;
  for (let first = true; start < text.length; first = false) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let raw = text.slice(start, end);
    start = end + 1;
    const line = editorLine;
    editorLine += 1 + countLoneCarriageReturns(raw);
    if (tooLongLine === undefined && utf8Length(raw) >= MAX_IGNORE_LINE_BYTES) tooLongLine = line;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (first && raw.startsWith('\uFEFF')) raw = raw.slice(1);
    if (raw.startsWith('#')) continue;
    let pattern = goTrimSpace(raw);
    if (pattern === '') continue;
    const exception = pattern.startsWith('!');
    if (exception) pattern = goTrimSpace(pattern.slice(1));
    if (pattern !== '') {
      pattern = goCleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    entries.push({ pattern: exception ? `!${pattern}` : pattern, line });
  }
  return tooLongLine === undefined ? { entries } : { entries, tooLongLine };
}

/** `\r` characters inside a `\n`-ended line that an editor counts as line ends of their own. */
function countLoneCarriageReturns(raw: string): number {
  let count = 0;
  for (let i = raw.indexOf('\r'); i >= 0; i = raw.indexOf('\r', i + 1)) count++;
  // The last `\r` of the line belongs to its `\r\n` (or ends the file).
  return raw.endsWith('\r') ? count - 1 : count;
}

function utf8Length(text: string): number {
  // Each UTF-16 unit is at most 3 bytes: short lines need no count.
  if (text.length * 3 < MAX_IGNORE_LINE_BYTES) return text.length;
  // Counted here, not with Buffer: the server also runs in a browser's web worker.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
