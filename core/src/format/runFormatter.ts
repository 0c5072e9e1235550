// Formats the shell of a shell-form RUN with shfmt's printer (shell/shellPrinter.ts) and writes
// the result back as Dockerfile lines joined by the escape character. The shell text Docker runs
// is the instruction's lines with continuations removed; the new lines must give the same script,
// so every result is checked: the script the new lines make, printed in shfmt's minified form,
// must equal the original script's. Anything unsure (inner comment lines, heredocs, a word split
// across lines, a quote open at a line break, a parse error, a failed check) leaves the
// instruction to the whitespace-only formatter. The body of `RUN <<EOF` is printed the same way.
import type { Instruction } from '../parser';
import { trimTrailing } from '../parser/textScan';
import { isShellPrinterReady, printShell, scriptTooLarge } from '../shell';
import { lastTextLine } from '../engine/instructionAt';
import { orderedFlags } from './flagOrder';

export interface RunFormatOptions {
  /** Spaces per nesting level of the shell and before continuation lines (ignored with `useTabs`). */
  indent: number;
  /** One tab per level instead of spaces. */
  useTabs: boolean;
  /** Break `&&`, `||`, `;` and `|` chains one per line when the RUN is multi-line or too long. */
  breakChains: boolean;
  /** Past this length a one-line RUN has its chains broken. */
  maxLineLength: number;
}

/**
 * Results per parsed instruction: a RUN's result depends only on its own text (which a parsed
 * instruction never changes; an edit elsewhere keeps the object) and on the options.
 */
const recent = new WeakMap<Instruction, { key: string; result: string[] | undefined }>();

/** The instruction's new lines (first text line to last), or undefined to leave it to the plain formatter. */
export function formatRun(
  lines: readonly string[],
  instruction: Instruction,
  escape: string,
  options: RunFormatOptions,
): string[] | undefined {
  const key = `${escape}${options.useTabs ? 't' : options.indent},${options.breakChains},${options.maxLineLength}`;
  const cached = recent.get(instruction);
  if (cached?.key === key) return cached.result;
  const result = formatFresh(lines, instruction, escape, options);
  // Not while the printer is loading (or reloading): the RUN would keep its text for good.
  if (isShellPrinterReady()) recent.set(instruction, { key, result });
  return result;
}

function formatFresh(
  lines: readonly string[],
  instruction: Instruction,
  escape: string,
  options: RunFormatOptions,
): string[] | undefined {
  const rest = instruction.rest;
  if (instruction.keyword !== 'RUN' || instruction.exec || !rest || instruction.heredocs.length > 0) return undefined;
  if (instruction.trivia.some((t) => t.kind !== 'continuation')) return undefined;
  const first = instruction.range.start.line;
  const last = lastTextLine(instruction);
  if (rest.range.start.line !== first || last >= lines.length) return undefined;
  const script = rest.raw;
  if (script.trim() === '' || script.includes('\n') || scriptTooLarge(script) !== undefined) return undefined;

  // The script's pieces, one per Dockerfile line, as Docker joins them.
  const continuationAt = new Map(instruction.trivia.map((t) => [t.range.start.line, t.range.start.character]));
  const pieces: string[] = [];
  for (let line = first; line <= last; line++) {
    const text = lines[line]!;
    const start = line === first ? rest.range.start.character : 0;
    pieces.push(text.slice(start, continuationAt.get(line) ?? text.length));
  }
  if (pieces.join('').trimEnd() !== script.trimEnd()) return undefined;

  let reference: string | undefined;
  const head = lines[first]!.slice(instruction.keywordRange.start.character, rest.range.start.character).replace(
    /[ \t]+$/,
    '',
  );
  // The flags one space apart, when the text between keyword and script is only they and blanks,
  // and in their stable order (flagOrder.ts).
  const flags = instruction.flags.map((flag) => flag.raw).join(' ');
  const ordered = (orderedFlags(instruction.keyword, instruction.flags) ?? instruction.flags)
    .map((flag) => flag.raw)
    .join(' ');
  const between = head.slice(instruction.keywordRaw.length);
  const keywordLine = `${instruction.keyword}${
    between
      .trim()
      .split(/[ \t]+/)
      .join(' ') === flags && flags !== ''
      ? ` ${ordered}`
      : between
  } `;
  const multiLine = pieces.length > 1;
  const long = keywordLine.length + script.trim().length > options.maxLineLength;
  // Breaking at every `|` too; when that does not print (a `|` of a case pattern, say), at the
  // other operators only; else as written.
  const attempts: Breaks[] = options.breakChains && (multiLine || long) ? ['pipes', 'chains', 'none'] : ['none'];
  const tried = new Set<string>();
  // Whether each `;;`/`;&` of a case follows a `;`, as written: shfmt drops that `;`, which sh ignores
  // but a reader of the text (tree-sitter-bash, a reviewer) sees, so it is written back as it was.
  const terminators = caseTerminators(script);
  // A `;` ending the script (alone on the last line in many official images), which shfmt drops too: written back.
  const trailingSemicolon = endsWithSemicolon(script);
  for (const breaks of attempts) {
    const breakChains = breaks !== 'none';
    const input = shellInput(pieces, breaks);
    if (input === undefined || tried.has(input)) continue;
    tried.add(input);
    // shfmt indents with tabs at indent 0.
    const printed = printShell(input, { indent: options.useTabs ? 0 : options.indent });
    if (printed === undefined) continue;
    // A short one-line RUN stays on one line: the statements shfmt put on lines of their own are joined again.
    const result = toDockerfileLines(printed, keywordLine, escape, options, !multiLine && !breakChains, terminators);
    if (result === undefined) continue;
    if (trailingSemicolon) addTrailingSemicolon(result, escape, options, pieces[pieces.length - 1]!.trim() === ';');
    // Already as the printer prints it: nothing to prove.
    if (result.length === pieces.length && result.every((line, i) => line === lines[first + i])) return result;
    reference ??= printShell(script, { indent: 0, minify: true });
    if (reference === undefined) return undefined;
    const newScript = result
      .map((line, i) => (i === 0 ? line.slice(keywordLine.length) : line))
      .map((line, i, all) => (i < all.length - 1 ? line.slice(0, -1) : line))
      .join('');
    if (
      printShell(newScript, { indent: 0, minify: true }) === reference &&
      sameList(caseTerminators(newScript), terminators) &&
      endsWithSemicolon(newScript) === trailingSemicolon
    )
      return result;
  }
  return undefined;
}

/**
 * The script for the printer, with real line breaks where the Dockerfile breaks after an
 * operator or keyword (and after every top-level `&&`, `||` and `;` when breaking chains), and
 * shell line continuations where it breaks between words. Undefined when a break is inside a
 * quote or a word.
 */
type Breaks = 'pipes' | 'chains' | 'none';

function shellInput(pieces: readonly string[], breaks: Breaks): string | undefined {
  let out = '';
  const scanner = new Scanner();
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (breaks !== 'none') out += scanner.readBreaking(piece, true, breaks === 'pipes');
    else {
      scanner.read(piece);
      out += piece;
    }
    if (i === pieces.length - 1) break;
    if (scanner.quoted || scanner.comment) return undefined;
    const next = pieces[i + 1]!;
    // Blanks only: a line break put in for a `;` is kept (trimming it glued two commands).
    const trimmed = trimBlanksEnd(out);
    if (trimmed.length === out.length && next !== '' && !/^[ \t]/.test(next)) return undefined;
    // A line of only the escape character between two commands: a blank line, which shfmt keeps.
    if (trimmed.endsWith('\n'))
      out =
        i > 0 && piece.trim() === '' && !trimmed.endsWith('\n\n') && !trimmed.endsWith('\\\n')
          ? `${trimmed}\n`
          : trimmed;
    else if (/(^|[^;]);$/.test(trimmed)) out = `${trimmed.slice(0, -1)}\n`;
    else if (/(&&|\|\||\||\n)$/.test(trimmed) || /(^|[\s;])(then|do|else|\{)$/.test(trimmed)) out = `${trimmed}\n`;
    else out = `${trimmed} \\\n`;
  }
  return out;
}

function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/** Quotes, substitutions and comments of a one-line script, read piece by piece. */
class Scanner {
  private quote: string | undefined;
  private escaped = false;
  private depth = 0;
  private previous = ' ';
  comment = false;

  get quoted(): boolean {
    return this.quote !== undefined || this.escaped;
  }

  read(piece: string): void {
    this.readBreaking(piece, false);
  }

  /**
   * Reads a piece; with `breaking`, returns it with a line break after each top-level `&&`, `||` and `;`
   * (and `|` with `pipes`).
   */
  readBreaking(piece: string, breaking = true, pipes = false): string {
    let out = '';
    for (let i = 0; i < piece.length; i++) {
      const ch = piece[i]!;
      out += ch;
      const previous = this.previous;
      this.previous = ch;
      if (this.comment) continue;
      if (this.escaped) {
        this.escaped = false;
        continue;
      }
      if (this.quote === "'") {
        if (ch === "'") this.quote = undefined;
        continue;
      }
      if (ch === '\\') {
        this.escaped = true;
        continue;
      }
      if (this.quote === '"') {
        if (ch === '"') this.quote = undefined;
        else if (ch === '`') this.quote = '`"';
        continue;
      }
      if (this.quote === '`' || this.quote === '`"') {
        if (ch === '`') this.quote = this.quote === '`"' ? '"' : undefined;
        continue;
      }
      if (ch === "'" || ch === '"' || ch === '`') this.quote = ch;
      else if (ch === '#' && /[\s;&|()]/.test(previous)) this.comment = true;
      else if (ch === '(' || (ch === '{' && previous === '$')) this.depth++;
      else if (ch === ')' || (ch === '}' && this.depth > 0)) this.depth = Math.max(0, this.depth - 1);
      else if (breaking && this.depth === 0) {
        const next = piece[i + 1];
        const isAndOr = (ch === '&' && previous === '&') || (ch === '|' && previous === '|');
        const isSemicolon = ch === ';' && previous !== ';' && next !== ';' && next !== '&';
        // A pipe, not `||`, `|&` or the `>|` redirection.
        const isPipe = pipes && ch === '|' && previous !== '|' && previous !== '>' && next !== '|' && next !== '&';
        if (isAndOr || isPipe) {
          out += '\n';
          this.previous = ' ';
        } else if (isSemicolon) {
          out = `${out.slice(0, -1)}\n`;
          this.previous = ' ';
        }
      }
    }
    return out;
  }
}

/** Printed script -> Dockerfile lines: the keyword line first, continuation lines indented. */
function toDockerfileLines(
  printed: string,
  keywordLine: string,
  escape: string,
  options: RunFormatOptions,
  oneLine: boolean,
  terminators: readonly boolean[],
): string[] | undefined {
  const shellLines = trimTrailing(printed, '\n').split('\n');
  // The separator after each line but the last: none where the shell reads on, else `; `; before a
  // case terminator on the next line, the `;` as the original had it (`terminators`, in order).
  // The next line that is not blank, for each line (read back to front: linear).
  const nextIndex: (number | undefined)[] = [];
  for (let i = shellLines.length - 1, after: number | undefined; i >= 0; i--) {
    nextIndex[i] = after;
    if (shellLines[i]!.trim() !== '') after = i;
  }
  let terminator = 0;
  const separators = shellLines.map((line, i) => {
    terminator += caseTerminators(line).length;
    const next = shellLines[nextIndex[i] ?? -1]?.trimStart();
    if (line.trim() === '' || next === undefined) return '';
    if (needsNoSeparator(line.trim())) return ' ';
    if (next.startsWith(';;') || next.startsWith(';&')) return terminators[terminator] === false ? ' ' : '; ';
    return '; ';
  });
  if (oneLine) {
    if (shellLines.some((line) => line.endsWith(' \\') || line.trimStart() !== line)) return undefined;
    return [keywordLine + shellLines.map((line, i) => line + separators[i]).join('')];
  }
  // Indented with spaces, or with tabs (one per level): no other tab anywhere.
  const unit = options.useTabs ? '\t' : ' ';
  const indent = options.useTabs ? 1 : options.indent;
  const leading = shellLines.map((line) => line.length - line.trimStart().length);
  // A blank line (kept by shfmt between commands) becomes a line of only the escape character.
  const blank = (i: number): boolean => shellLines[i] === '';
  if (blank(0) || blank(shellLines.length - 1)) return undefined;
  if (
    shellLines.some(
      (line, i) =>
        line.slice(leading[i]).includes('\t') ||
        line.slice(0, leading[i]) !== unit.repeat(leading[i]!) ||
        (line.trim() === '' && !blank(i)),
    )
  )
    return undefined;
  // A plain chain (every continuation line one level in) starts at the first level, not the second.
  const shift = shellLines.length > 1 && leading.slice(1).every((n, i) => blank(i + 1) || n >= indent) ? indent : 0;
  const result: string[] = [];
  for (let i = 0; i < shellLines.length; i++) {
    let line = shellLines[i]!;
    if (blank(i)) {
      // At the level of the line it comes before.
      result.push(unit.repeat(indent + leading[nextIndex[i]!]! - shift) + escape);
      continue;
    }
    if (i < shellLines.length - 1) {
      line = (line.endsWith(' \\') ? line.slice(0, -1) : line + separators[i]) + escape;
    }
    result.push(i === 0 ? keywordLine + line : unit.repeat(indent + leading[i]! - shift) + line.trimStart());
  }
  return result;
}

/**
 * The case terminators (`;;`, `;&`, `;;&`) of a one-line script in order: for each, whether a `;`
 * comes right before it (blanks aside), as in `exit 0; ;;`.
 */
function caseTerminators(script: string): boolean[] {
  const found: boolean[] = [];
  let quote: string | undefined;
  let lastSemicolon = -2;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      continue;
    }
    if (ch === '\\') {
      i++;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === ';' && (script[i + 1] === ';' || script[i + 1] === '&')) {
      let before = i - 1;
      while (before >= 0 && (script[before] === ' ' || script[before] === '\t')) before--;
      found.push(before >= 0 && before === lastSemicolon);
      i += script[i + 1] === ';' && script[i + 2] === '&' ? 2 : 1;
    } else if (ch === ';') lastSemicolon = i;
  }
  return found;
}

/** Whether the script ends with a `;` separator (not `;;`, not the word `\\;` of `find -exec`). */
function endsWithSemicolon(script: string): boolean {
  const trimmed = trimBlanksEnd(script);
  return trimmed.endsWith(';') && !trimmed.endsWith(';;') && !trimmed.endsWith('\\;');
}

/** Puts the script's final `;` back: on a line of its own when the original had it so, else after the last command. */
function addTrailingSemicolon(result: string[], escape: string, options: RunFormatOptions, ownLine: boolean): void {
  const last = result.length - 1;
  if (!ownLine) {
    result[last] += ';';
    return;
  }
  result[last] += ` ${escape}`;
  result.push(`${options.useTabs ? '\t' : ' '.repeat(options.indent)};`);
}

const sameList = (a: readonly boolean[], b: readonly boolean[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether a printed line ends where the shell continues reading the next line without a `;`. */
function needsNoSeparator(line: string): boolean {
  if (/(&|\||;;|;&|\(|\{)$/.test(line) || /(^|[\s;])(then|do|else|in)$/.test(line)) return true;
  // A case pattern: `amd64)` or `*)`, with more `)` than `(`.
  if (line.endsWith(')') && line !== ')') {
    let balance = 0;
    for (const ch of line) balance += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    return balance < 0;
  }
  return false;
}

/**
 * `RUN <<EOF` whose body is the script (no shebang, or one naming a POSIX-like shell): the body
 * printed by shfmt, checked like a command line. Undefined to leave it as written.
 */
export function formatRunHeredoc(
  instruction: Instruction,
  options: RunFormatOptions,
): { fromLine: number; toLine: number; lines: string[] } | undefined {
  const [heredoc] = instruction.heredocs;
  const rest = instruction.rest;
  if (instruction.keyword !== 'RUN' || instruction.exec || !rest || !heredoc || instruction.heredocs.length !== 1)
    return undefined;
  if (!/^\d*<<-?\S+$/.test(rest.raw) || heredoc.chomp || !heredoc.terminated || !heredoc.bodyRange) return undefined;
  const body = heredoc.content;
  if (body.trim() === '' || scriptTooLarge(body) !== undefined || !isShellScript(body)) return undefined;
  const printed = printShell(body, { indent: options.useTabs ? 0 : options.indent });
  if (printed === undefined || printed === body) return undefined;
  const newLines = printed.replace(/\n$/, '').split('\n');
  if (newLines.some((line) => line === heredoc.name)) return undefined;
  const reference = printShell(body, { indent: 0, minify: true });
  if (reference === undefined || printShell(printed, { indent: 0, minify: true }) !== reference) return undefined;
  return { fromLine: heredoc.bodyRange.start.line, toLine: heredoc.bodyRange.end.line, lines: newLines };
}

/** A body without a shebang runs in the default shell; with one, only if it names a POSIX-like shell. */
function isShellScript(content: string): boolean {
  if (!content.startsWith('#!')) return true;
  const lineEnd = content.indexOf('\n');
  const words = content
    .slice(2, lineEnd < 0 ? undefined : lineEnd)
    .trim()
    .split(/\s+/);
  const program = words[0]?.endsWith('/env') ? words.find((w, i) => i > 0 && !w.startsWith('-')) : words[0];
  return /(^|\/)(sh|bash|dash|ash|ksh|mksh)$/.test(program ?? '');
}
