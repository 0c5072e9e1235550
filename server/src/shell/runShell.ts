// The shell view of one RUN instruction: its shell-form command and the heredoc bodies the shell
// reads, parsed once per parsed instruction, with every range mapped back to the Dockerfile.
import { type Heredoc, type Instruction, type Position, type Range, wordOffsetMapper } from '../parser';
import { isShellParserReady, parseScript, type ScriptCommand, type ScriptWord } from './shellParser';

export type { ShellOperator } from './shellParser';

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
  const shell = instruction.keyword === 'RUN' && !instruction.exec && instruction.rest ? readRun(instruction, positions) : undefined;
  cache.set(instruction, { line, shell, positions });
  return shell;
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
    if (isShellScript(scriptHeredoc.content)) addScript(shell, scriptHeredoc.content, bodyLocator(scriptHeredoc), positions);
    return shell;
  }
  // The command line, followed by the bodies of the heredocs it reads, as the shell sees them.
  let text = rest.raw;
  const pieces: { start: number; locate: Locate }[] = [{ start: 0, locate: (offset, isEnd) => mapper.position(offset, isEnd) }];
  for (const heredoc of instruction.heredocs) {
    text += '\n';
    const start = text.length;
    const body = bodyLocator(heredoc);
    pieces.push({ start, locate: (offset, isEnd) => body(offset - start, isEnd) });
    text += heredoc.content + heredoc.name;
  }
  const locate: Locate = (offset, isEnd) => {
    let index = pieces.length - 1;
    while (index > 0 && (isEnd ? pieces[index]!.start >= offset : pieces[index]!.start > offset)) index--;
    return pieces[index]!.locate(offset, isEnd);
  };
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
  const words = content.slice(2, lineEnd < 0 ? undefined : lineEnd).trim().split(/\s+/);
  const program = words[0]?.endsWith('/env') ? words.find((w, i) => i > 0 && !w.startsWith('-')) : words[0];
  return /(^|\/)(sh|bash|dash|ash|ksh|mksh|zsh)$/.test(program ?? '');
}

function bodyLocator(heredoc: Heredoc): Locate {
  const lineStarts = [0];
  for (let i = 0; i < heredoc.content.length; i++) if (heredoc.content[i] === '\n') lineStarts.push(i + 1);
  const firstLine = heredoc.bodyRange?.start.line ?? heredoc.range.end.line + 1;
  return (offset, isEnd) => {
    let index = lineStarts.length - 1;
    while (index > 0 && (isEnd ? lineStarts[index]! >= offset : lineStarts[index]! > offset)) index--;
    return { line: firstLine + index, character: offset - lineStarts[index]! + (heredoc.strippedTabs[index] ?? 0) };
  };
}

function addScript(shell: RunShell, text: string, locate: Locate, positions: Position[]): void {
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
  for (const { name, args, start, end, ...rest } of parsed.script.commands) {
    shell.commands.push({ ...rest, name: word(name), args: args.map(word), range: range(start, end), program: name.value?.slice(name.value.lastIndexOf('/') + 1) });
  }
  for (const { start, end, ...rest } of parsed.script.pipelines) shell.pipelines.push({ ...rest, range: range(start, end) });
}
