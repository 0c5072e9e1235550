// Document, range and on-type formatting over an analysed document, as protocol-free edits:
// instruction lines get the edits of instructionFormatter.ts, blank lines lose their whitespace,
// comments, directives and heredoc bodies stay exactly as written. Formatting its own output
// changes nothing. The language server turns the edits into LSP edits; the CLI applies them.
import type { AnalysedDocument } from '../engine/analysedDocument';
import { instructionsInLines, lastTextLine } from '../engine/instructionAt';
import type { Dockerfile, Instruction, Position, Range } from '../parser';
import { orderedFlags } from './flagOrder';
import { formatInstruction, type IndentOptions, type LineEdit } from './instructionFormatter';
import { formatRun, formatRunHeredoc, type RunFormatOptions } from './runFormatter';

export type { LineEdit };

export interface FormatOptions {
  /** Spaces before the text of a continuation line and per level of shell nesting (ignored with `useTabs`). */
  continuationIndent: number;
  /** The editor's tab width, to compare the nesting of lines indented with tabs. */
  tabSize: number;
  /** Indent with one tab per level instead of spaces (default false). */
  useTabs?: boolean;
  /** Break `&&`/`||`/`;` chains and `|` pipelines of a multi-line or long RUN one per line (default true). */
  breakChains?: boolean;
  /** Past this length a one-line RUN has its chains broken (default 100). */
  maxLineLength?: number;
}

const clampIndent = (width: number): number =>
  Number.isFinite(width) ? Math.max(0, Math.min(16, Math.floor(width))) : 4;

const indentOptions = (options: FormatOptions): IndentOptions => ({
  indent: options.useTabs ? '\t' : ' '.repeat(clampIndent(options.continuationIndent)),
  tabSize: Number.isInteger(options.tabSize) && options.tabSize > 0 ? options.tabSize : 4,
});

/**
 * What the editor sends with a formatting request (VS Code: the editor's options, which the
 * EditorConfig extension sets).
 */
export interface EditorIndent {
  tabSize: number;
  insertSpaces: boolean;
}

/**
 * The indent a request formats with. `layerwise.formatting.continuationIndent`, when the user set
 * it (not null), wins: that many spaces. Otherwise the editor's: one tab per level when it
 * inserts tabs, else `tabSize` spaces (0 to 16).
 */
export function indentFor(
  setting: number | null,
  editor: EditorIndent,
): Pick<FormatOptions, 'continuationIndent' | 'tabSize' | 'useTabs'> {
  const tabSize = Number.isInteger(editor.tabSize) && editor.tabSize > 0 ? editor.tabSize : 4;
  if (setting !== null) return { continuationIndent: clampIndent(setting), tabSize, useTabs: false };
  if (editor.insertSpaces === false) return { continuationIndent: tabSize, tabSize, useTabs: true };
  return { continuationIndent: clampIndent(tabSize), tabSize, useTabs: false };
}

/** Edits for lines fromLine..toLine (inclusive); the whole document by default. */
export function formatLines(
  document: AnalysedDocument,
  options: FormatOptions,
  fromLine = 0,
  toLine = document.lines.length - 1,
): LineEdit[] {
  const { lines, tree } = document;
  const indent = indentOptions(options);
  const edits: LineEdit[] = [];
  let nextFreeLine = fromLine;
  const trimBlankLines = (upTo: number): void => {
    for (let line = nextFreeLine; line < upTo && line <= toLine; line++) {
      const text = lines[line]!;
      if (text !== '' && text.trim() === '')
        edits.push({ range: { start: { line, character: 0 }, end: { line, character: text.length } }, newText: '' });
    }
  };
  const runOptions = runFormatOptions(options);
  const posix = posixShellRuns(tree, toLine);
  for (const instruction of instructionsInLines(tree, fromLine, toLine)) {
    trimBlankLines(instruction.range.start.line);
    nextFreeLine = instruction.range.end.line + 1;
    const whole = instruction.range.start.line >= fromLine && lastTextLine(instruction) <= toLine;
    const run = !whole
      ? undefined
      : posix.has(instruction)
        ? formatRun(lines, instruction, tree.escapeChar, runOptions)
        : formatFrom(lines, instruction);
    if (run) {
      const first = instruction.range.start.line;
      const last = lastTextLine(instruction);
      const oldText = lines.slice(first, last + 1).join('\n');
      const newText = run.join('\n');
      if (oldText !== newText)
        edits.push({
          range: { start: { line: first, character: 0 }, end: { line: last, character: lines[last]!.length } },
          newText,
        });
      continue;
    }
    for (const lineEdit of [
      ...formatInstruction(lines, instruction, tree.escapeChar, indent).edits,
      ...wordSpacing(lines, instruction),
    ]) {
      const line = lineEdit.range.start.line;
      if (line >= fromLine && line <= toLine) edits.push(lineEdit);
    }
    const body =
      posix.has(instruction) && instruction.range.start.line >= fromLine && instruction.range.end.line <= toLine
        ? formatRunHeredoc(instruction, runOptions)
        : undefined;
    if (body)
      edits.push({
        range: {
          start: { line: body.fromLine, character: 0 },
          end: { line: body.toLine, character: lines[body.toLine]!.length },
        },
        newText: body.lines.join('\n'),
      });
  }
  trimBlankLines(toLine + 1);
  return edits;
}

/**
 * Past this many characters of script a RUN is not formatted ahead of time (one step must stay
 * short): the request does it.
 */
export const MAX_WARM_SCRIPT = 8 * 1024;

/**
 * Formats the document's shell RUNs ahead of a format request, one step per RUN, so that their
 * results are cached (runFormatter.ts, per parsed instruction; shellPrinter.ts, per script) when
 * `formatLines` asks with the same options: exactly the calls it makes, so its output is the same.
 */
export function* warmRunFormatting(document: AnalysedDocument, options: FormatOptions): Generator<void, void, void> {
  const { lines, tree } = document;
  const runOptions = runFormatOptions(options);
  for (const instruction of posixShellRuns(tree, lines.length - 1)) {
    const size =
      (instruction.rest?.raw.length ?? 0) +
      instruction.heredocs.reduce((sum, heredoc) => sum + heredoc.content.length, 0);
    if (size > MAX_WARM_SCRIPT) continue;
    if (!formatRun(lines, instruction, tree.escapeChar, runOptions)) formatRunHeredoc(instruction, runOptions);
    yield;
  }
}

const runFormatOptions = (options: FormatOptions): RunFormatOptions => ({
  indent: clampIndent(options.continuationIndent),
  useTabs: options.useTabs === true,
  breakChains: options.breakChains ?? true,
  maxLineLength: options.maxLineLength ?? 100,
});

/** A one-line FROM with one space between its words (flags, image, AS, name). */
function formatFrom(lines: readonly string[], instruction: Instruction): string[] | undefined {
  if (instruction.keyword !== 'FROM' || instruction.trivia.length > 0 || !instruction.image) return undefined;
  const line = instruction.range.start.line;
  if (instruction.range.end.line !== line || instruction.problems.length > 0) return undefined;
  const words = [
    ...(orderedFlags('FROM', instruction.flags) ?? instruction.flags).map((f) => f.raw),
    instruction.image.raw,
  ];
  if (instruction.asKeyword && instruction.stageName) words.push('AS', instruction.stageName.raw);
  if (instruction.args.length !== (instruction.asKeyword ? 3 : 1)) return undefined;
  const before = lines[line]!.slice(0, instruction.keywordRange.start.character);
  return [`${before.trim() === '' ? '' : before}FROM ${words.join(' ')}`];
}

/**
 * Exec-form arrays as `["a", "b"]` (on a one-line instruction); one space between the flags of
 * any instruction, the `key=value` pairs of ENV, LABEL and ARG and the words of FROM, and before
 * the escape character that ends a line after one of them: only a run of blanks within one line
 * is changed, so quotes, comment and blank lines and the line layout of a multi-line instruction
 * stay as written. Flags in their stable order (flagOrder.ts), each written in its own place.
 */
function wordSpacing(lines: readonly string[], instruction: Instruction): LineEdit[] {
  if (instruction.problems.length > 0) return [];
  const edits: LineEdit[] = [];
  const replace = (line: number, from: number, to: number, newText: string): void => {
    edits.push({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
  };
  const oneLine = instruction.range.end.line === instruction.range.start.line && instruction.trivia.length === 0;
  const flags = instruction.flags;
  const ordered = orderedFlags(instruction.keyword, flags);
  // Each flag in one line, so that any flag's text fits in any flag's place.
  if (
    ordered &&
    flags.every((flag) => flag.range.start.line === flag.range.end.line) &&
    ordered.some((flag, i) => flag !== flags[i])
  ) {
    flags.forEach((flag, i) => {
      if (ordered[i] !== flag)
        replace(flag.range.start.line, flag.range.start.character, flag.range.end.character, ordered[i]!.raw);
    });
  }
  const words: Range[] = flags.map((flag) => flag.range);
  const pairs = instruction.pairs ?? [];
  // Not the legacy `ENV name value with spaces`, whose value keeps its spaces.
  if (!pairs.some((pair) => !pair.equals && pair.value !== undefined)) words.push(...pairs.map((pair) => pair.range));
  if (
    instruction.keyword === 'FROM' &&
    instruction.image &&
    instruction.args.length === (instruction.asKeyword ? 3 : 1)
  ) {
    words.push(instruction.image.range);
    if (instruction.asKeyword && instruction.stageName)
      words.push(instruction.asKeyword.range, instruction.stageName.range);
  }
  const oneSpace = (line: number, from: number, to: number): void => {
    const gap = lines[line]!.slice(from, to);
    if (gap !== ' ' && /^[ \t]+$/.test(gap)) replace(line, from, to, ' ');
  };
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1]!, words[i]!];
    if (a.end.line === b.start.line) oneSpace(a.end.line, a.end.character, b.start.character);
  }
  const escapeAt = new Map(
    instruction.trivia
      .filter((t) => t.kind === 'continuation')
      .map((t) => [t.range.start.line, t.range.start.character]),
  );
  for (const word of words) {
    const escape = escapeAt.get(word.end.line);
    if (escape !== undefined && escape > word.end.character) oneSpace(word.end.line, word.end.character, escape);
  }
  const exec = instruction.exec;
  if (oneLine && exec && exec.strings.length > 0) {
    const line = instruction.range.start.line;
    const text = lines[line]!;
    const between = (from: number, to: number, wanted: string): void => {
      const gap = text.slice(from, to);
      if (gap !== wanted && /^[ \t]*,?[ \t]*$/.test(gap)) replace(line, from, to, wanted);
    };
    const strings = exec.strings;
    between(exec.range.start.character + 1, strings[0]!.range.start.character, '');
    for (let i = 1; i < strings.length; i++)
      between(strings[i - 1]!.range.end.character, strings[i]!.range.start.character, ', ');
    between(strings[strings.length - 1]!.range.end.character, exec.range.end.character - 1, '');
  }
  return edits;
}

/** Shell-form RUNs up to `toLine` that run in a POSIX-like shell (the default, or a SHELL naming one). */
function posixShellRuns(tree: Dockerfile, toLine: number): Set<Instruction> {
  const runs = new Set<Instruction>();
  // A backtick escape is the mark of a Windows file, whose default shell is cmd.
  const defaultPosix = tree.escapeChar === '\\';
  let posix = defaultPosix;
  for (const instruction of tree.instructions) {
    if (instruction.range.start.line > toLine) break;
    if (instruction.keyword === 'FROM') posix = defaultPosix;
    else if (instruction.keyword === 'SHELL') {
      const program = instruction.exec?.strings[0]?.value ?? '';
      posix = /(^|\/)(sh|bash|dash|ash|ksh|mksh)$/.test(program);
    } else if (instruction.keyword === 'RUN' && posix) runs.add(instruction);
  }
  return runs;
}

/**
 * After Enter at the end of a continued line: the new line gets the continuation indent and
 * the instruction's lines above it are formatted. Nothing happens inside a quoted value.
 */
export function formatOnNewLine(document: AnalysedDocument, position: Position, options: FormatOptions): LineEdit[] {
  const { lines, tree } = document;
  const previous = position.line - 1;
  if (previous < 0 || position.line >= lines.length) return [];
  const continuation = tree.escapeChar === '`' ? /`[ \t]*$/ : /\\[ \t]*$/;
  if (!continuation.test(lines[previous]!)) return [];
  const instruction = instructionsInLines(tree, previous, previous)[0];
  if (!instruction || instruction.range.start.line > previous) return [];
  if (instruction.trivia.some((t) => t.kind === 'comment' && t.range.start.line === previous)) return [];
  const indent = indentOptions(options);
  const above = formatInstruction(lines, instruction, tree.escapeChar, indent, previous);
  const edits = [...above.edits];
  const text = lines[position.line]!;
  let leading = 0;
  while (text[leading] === ' ' || text[leading] === '\t') leading++;
  // The new line continues at the level of the line above (the first level after the keyword line).
  const wanted = previous === instruction.range.start.line ? indent.indent : above.lastIndent;
  const keepsWordBreak = above.endsWithSpace || leading > 0 || leading === text.length;
  if (above.reindentable && !above.inQuote && keepsWordBreak && text.slice(0, leading) !== wanted) {
    edits.push({
      range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: leading } },
      newText: wanted,
    });
  }
  return edits;
}
