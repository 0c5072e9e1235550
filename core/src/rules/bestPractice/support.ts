// What the best-practice rules share: the docs page, cache mounts, finding package-manager
// commands in a RUN's shell view, and the "insert this flag" quick fix.
import type { Instruction, Range } from '../../parser';
import { trimTrailing } from '../../parser/textScan';
import {
  type ReadCommandLine,
  readCommandLine,
  type OptionSyntax,
  runShell,
  type RunShell,
  type ShellCommand,
  type ShellWord,
} from '../../shell';
import type { Fix, LocalizedText } from '../rule';

export const BEST_PRACTICES = 'https://docs.docker.com/build/building/best-practices/';

/** Targets of `--mount=type=cache` (and tmpfs, which also keeps files out of the layer). */
export function cacheMountTargets(instruction: Instruction): string[] {
  const targets: string[] = [];
  for (const flag of instruction.flags) {
    const mount = flag.mount;
    const target = mount?.target?.value?.trim();
    if ((mount?.type === 'cache' || mount?.type === 'tmpfs') && target) targets.push(trimTrailing(target, '/') || '/');
  }
  return targets;
}

/** Whether a cache mount covers `path` (a mount on the path itself or on a parent folder). */
export function hasCacheMountOn(instruction: Instruction, path: string): boolean {
  return cacheMountTargets(instruction).some(
    (target) => path === target || path.startsWith(target === '/' ? '/' : `${target}/`),
  );
}

export interface ToolCall {
  command: ShellCommand;
  line: ReadCommandLine;
  /** The first operand: the subcommand (`install`), or undefined. */
  subcommand: ShellWord | undefined;
}

/** Calls of the given programs in a RUN, with their command lines read. */
export function toolCalls(instruction: Instruction, programs: readonly string[], syntax?: OptionSyntax): ToolCall[] {
  const shell = runShell(instruction);
  if (!shell || shell.error) return [];
  return commandsOf(shell, programs).map((command) => {
    const line = commandLine(command, syntax);
    return { command, line, subcommand: line.operands[0] };
  });
}

/**
 * Each command's line as read with each option syntax: a RUN's apt-get commands are looked up by
 * several rules with the same syntax, and a line is read once, not once per rule. Read-only.
 */
const linesByCommand = new WeakMap<ShellCommand, Map<OptionSyntax | undefined, ReadCommandLine>>();

function commandLine(command: ShellCommand, syntax: OptionSyntax | undefined): ReadCommandLine {
  let lines = linesByCommand.get(command);
  if (!lines) {
    lines = new Map();
    linesByCommand.set(command, lines);
  }
  const known = lines.get(syntax);
  if (known) return known;
  const line = readCommandLine(command, syntax);
  lines.set(syntax, line);
  return line;
}

/**
 * Each shell view's commands by program. About 25 lookups of a few programs each are made per
 * RUN, and a RUN can hold 40,000 commands: a long view is indexed once, not scanned per lookup
 * (a short one is scanned: cheaper than building the index).
 */
const commandsByProgram = new WeakMap<RunShell, Map<string, ShellCommand[]>>();
const SCANNED_COMMANDS = 32;

/** The commands of `shell` running one of `programs`, in source order. */
function commandsOf(shell: RunShell, programs: readonly string[]): ShellCommand[] {
  if (shell.commands.length <= SCANNED_COMMANDS) {
    const found: ShellCommand[] = [];
    for (const command of shell.commands)
      if (command.program !== undefined && programs.includes(command.program)) found.push(command);
    return found;
  }
  let index = commandsByProgram.get(shell);
  if (!index) {
    index = new Map();
    for (const command of shell.commands) {
      if (command.program === undefined) continue;
      const list = index.get(command.program);
      if (list) list.push(command);
      else index.set(command.program, [command]);
    }
    commandsByProgram.set(shell, index);
  }
  const lists: ShellCommand[][] = [];
  for (const program of new Set(programs)) {
    const list = index.get(program);
    if (list) lists.push(list);
  }
  if (lists.length <= 1) return lists[0] ?? [];
  // A view lists its commands in the order they start (an outer command before those in its substitutions).
  return lists
    .flat()
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** From the command name to its subcommand: `apt-get install`. */
export function callRange(call: ToolCall): Range {
  return { start: call.command.name.range.start, end: (call.subcommand ?? call.command.name).range.end };
}

/** Inserts ` text` right after `word` (after the subcommand, where people expect the flag). */
export function insertAfter(word: ShellWord, text: string, title: LocalizedText): Fix {
  return { title, edits: [{ range: { start: word.range.end, end: word.range.end }, newText: ` ${text}` }] };
}

/**
 * Whether a command of the RUN removes or otherwise touches a path under `folder` (rm -rf, find
 * -delete, ...); with `after`, only a command that starts after it counts: a clean before an
 * install does not remove what the install downloads.
 */
export function cleansFolder(instruction: Instruction, folder: string, after?: ShellCommand): boolean {
  const shell = runShell(instruction);
  if (!shell) return false;
  return commandsOf(shell, REMOVERS).some(
    (command) =>
      (after === undefined || startsAfter(command, after)) && command.args.some((arg) => mentionsPath(arg, folder)),
  );
}

/**
 * Whether `command` starts after `other` starts, in source order (the command line before the
 * heredoc bodies it reads, as the shell runs them).
 */
export function startsAfter(command: ShellCommand, other: ShellCommand): boolean {
  const a = command.range.start;
  const b = other.range.start;
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

const REMOVERS = ['rm', 'find', 'rmdir'];

function mentionsPath(word: ShellWord, folder: string): boolean {
  const text = (word.value ?? word.raw).replace(/["']/g, '');
  return text === folder || text.startsWith(`${folder}/`) || text.startsWith(`${folder}*`);
}
