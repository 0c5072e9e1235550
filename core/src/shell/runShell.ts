// The shell view of one RUN instruction: its shell-form command and the heredoc bodies the shell
// reads, parsed once per parsed instruction, with every range mapped back to the Dockerfile.
import { type Heredoc, type Instruction, type Position, type Range, wordOffsetMapper } from '../parser';
import { pieceAt } from '../parser/pieceIndex';
import { isShellParserReady, parseScript, type ScriptCommand, type ScriptWord } from './shellParser';

export interface ShellWord {
  raw: string;
  /** Value after quote removal; undefined when the word holds an expansion. */
  value: string | undefined;
  range: Range;
}

export interface ShellCommand extends Omit<ScriptCommand, 'name' | 'args' | 'start' | 'end'> {
  name: ShellWord;
  args: ShellWord[];
  range: Range;
  /** The command name without its directory: `/usr/bin/apt-get` -> `apt-get`. */
  program: string | undefined;
}

export interface ShellPipeline {
  range: Range;
  length: number;
  /** `set -o pipefail` ran earlier in the same script. */
  pipefail: boolean;
  inSubstitution: boolean;
}

export interface RunShell {
  /** Every simple command, in source order, from the command line and any script heredoc. */
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  /** Set when a script could not be parsed: rules then stay silent on this RUN. */
  error: string | undefined;
}

interface Cached {
  line: number;
  shell: RunShell | undefined;
  /** Every position object in `shell`, moved in place when the instruction moves. */
  positions: Position[];
}

const cache = new WeakMap<Instruction, Cached>();

/**
 * The shell view of a shell-form RUN (undefined for exec form and other instructions). Cached per
 * parsed instruction; when an edit above only moved the instruction, its ranges move with it.
 */
export function runShell(instruction: Instruction): RunShell | undefined {
  const line = instruction.range.start.line;
  const cached = cache.get(instruction);
  if (cached) {
    if (cached.line !== line) {
      for (const position of cached.positions) position.line += line - cached.line;
      cached.line = line;
    }
    return cached.shell;
  }
  // Before the parser is loaded there is nothing to cache: the server loads it before any check.
  if (!isShellParserReady()) return undefined;
  const positions: Position[] = [];
  const shell =
    instruction.keyword === 'RUN' && !instruction.exec && instruction.rest
      ? readRun(instruction, positions)
      : undefined;
  cache.set(instruction, { line, shell, positions });
  return shell;
}

/**
 * Heredocs one RUN may read for its shell view: tree-sitter-bash's scanner takes quadratic time
 * in the heredocs pending on a line (4,000 take seconds); real Dockerfiles use a handful.
 */
const MAX_HEREDOCS = 100;

/**
 * The longest script (command line plus the heredoc bodies it reads) given to the shell parser.
 * The longest RUN of the official-image corpus has 4,624 characters; tree-sitter-bash, the walk
 * and the rules take about 1.5 s per megabyte of ordinary script, so one RUN stays well inside
 * a check's budget. A longer script gets no shell view (its rules stay silent, as for a syntax
 * error) instead of slowing every check of the file.
 */
export const MAX_SCRIPT_LENGTH = 1024 * 1024;

/**
 * The longest word (characters without a space, tab or line break) a script may hold.
 * tree-sitter-bash reads a word made of many quoted or expanded pieces about four times slower
 * than ordinary text (a 400,000-character `$$$…` or `'"\'"\…` word takes 1.5 s); the longest word
 * in a RUN of the corpus has 146 characters.
 */
export const MAX_WORD_LENGTH = 16 * 1024;

const scriptTooLongListeners = new Set<(message: string) => void>();
let toldScriptTooLong = false;

/**
 * Hears, once per process, that a RUN script was past MAX_SCRIPT_LENGTH or MAX_WORD_LENGTH (the
 * server logs it). Returns the function that stops hearing it (a server in a test process shuts down).
 */
export function onScriptTooLong(listener: (message: string) => void): () => void {
  scriptTooLongListeners.add(listener);
  return () => scriptTooLongListeners.delete(listener);
}

/** Why the shell parser should not read `text`, if it should not. */
export function scriptTooLarge(text: string): string | undefined {
  if (text.length > MAX_SCRIPT_LENGTH) return `the script has more than ${MAX_SCRIPT_LENGTH} characters`;
  let word = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) word = 0;
    else if (++word > MAX_WORD_LENGTH) return `the script has a word of more than ${MAX_WORD_LENGTH} characters`;
  }
  return undefined;
}

/** Maps offsets of one parsed text to Dockerfile positions. */
type Locate = (offset: number, isEnd: boolean) => Position;

function readRun(instruction: Instruction, positions: Position[]): RunShell {
  const shell: RunShell = { commands: [], pipelines: [], error: undefined };
  const rest = instruction.rest!;
  const mapper = wordOffsetMapper(instruction, rest);
  const scriptHeredoc = scriptBody(instruction);
  if (scriptHeredoc) {
    // `RUN <<EOF`: the body is the script.
    if (isShellScript(scriptHeredoc.content))
      addScript(shell, scriptHeredoc.content, bodyLocator(scriptHeredoc), positions);
    return shell;
  }
  if (instruction.heredocs.length > MAX_HEREDOCS) {
    shell.error = `more than ${MAX_HEREDOCS} heredocs in one RUN`;
    return shell;
  }
  // The command line, followed by the bodies of the heredocs it reads, as the shell sees them.
  let text = rest.raw;
  const pieces: { start: number; locate: Locate }[] = [
    { start: 0, locate: (offset, isEnd) => mapper.position(offset, isEnd) },
  ];
  for (const heredoc of instruction.heredocs) {
    text += '\n';
    const start = text.length;
    const body = bodyLocator(heredoc);
    pieces.push({ start, locate: (offset, isEnd) => body(offset - start, isEnd) });
    text += heredoc.content + heredoc.name;
  }
  const starts = pieces.map((piece) => piece.start);
  const locate: Locate = (offset, isEnd) => pieces[pieceAt(starts, offset, isEnd)]!.locate(offset, isEnd);
  addScript(shell, text, locate, positions);
  return shell;
}

/** The heredoc that is the whole command (`RUN <<EOF` or `RUN <<-EOF`), whose body is the script. */
function scriptBody(instruction: Instruction): Heredoc | undefined {
  const [heredoc] = instruction.heredocs;
  if (!heredoc || instruction.heredocs.length !== 1) return undefined;
  return /^\d*<<-?\S+$/.test(instruction.rest!.raw) ? heredoc : undefined;
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
  return /(^|\/)(sh|bash|dash|ash|ksh|mksh|zsh)$/.test(program ?? '');
}

/** Positions in a heredoc body: its line starts are found once, each offset by binary search. */
function bodyLocator(heredoc: Heredoc): Locate {
  const content = heredoc.content;
  const lineStarts = [0];
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const firstLine = heredoc.bodyRange?.start.line ?? heredoc.range.end.line + 1;
  return (offset, isEnd) => {
    const index = pieceAt(lineStarts, offset, isEnd);
    return { line: firstLine + index, character: offset - lineStarts[index]! + (heredoc.strippedTabs[index] ?? 0) };
  };
}

function addScript(shell: RunShell, text: string, locate: Locate, positions: Position[]): void {
  const tooLarge = scriptTooLarge(text);
  if (tooLarge !== undefined) {
    shell.error = tooLarge;
    if (scriptTooLongListeners.size > 0 && !toldScriptTooLong) {
      toldScriptTooLong = true;
      for (const listener of scriptTooLongListeners)
        listener(
          `Layerwise: the shell parser does not read a RUN whose script is this large (${tooLarge}); ` +
            'rules that read shell commands skip it (said once)',
        );
    }
    return;
  }
  const parsed = parseScript(text);
  if (!parsed.ok) {
    shell.error = parsed.error;
    return;
  }
  const range = (start: number, end: number): Range => {
    const result = { start: locate(start, false), end: locate(end, end > start) };
    positions.push(result.start, result.end);
    return result;
  };
  const word = (w: ScriptWord): ShellWord => ({ raw: w.raw, value: w.value, range: range(w.start, w.end) });
  // Field by field: object rest and spread copy generically, which 40,000 commands make slow.
  for (const command of parsed.script.commands) {
    const { name } = command;
    shell.commands.push({
      name: word(name),
      args: command.args.map(word),
      assignments: command.assignments,
      range: range(command.start, command.end),
      program: name.value?.slice(name.value.lastIndexOf('/') + 1),
      before: command.before,
      after: command.after,
      inPipeline: command.inPipeline,
      inSubshell: command.inSubshell,
      inSubstitution: command.inSubstitution,
      inControlFlow: command.inControlFlow,
    });
  }
  for (const pipeline of parsed.script.pipelines) {
    shell.pipelines.push({
      range: range(pipeline.start, pipeline.end),
      length: pipeline.length,
      pipefail: pipeline.pipefail,
      inSubstitution: pipeline.inSubstitution,
    });
  }
}
