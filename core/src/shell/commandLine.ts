// Reading a command's options the way getopt-style tools do: short flags may be grouped
// (`-qy`), long flags may carry `=value`, some options take the next word, `--` ends options.
import type { ShellCommand, ShellWord } from './runShell';

export interface OptionSyntax {
  /** Short options that take a value (`-o value` or `-ovalue`). */
  shortWithValue?: string;
  /** Long options (without `--`) that take a value when written without `=`. */
  longWithValue?: readonly string[];
}

interface ReadOption {
  /** `-y` -> 'y', `--yes` -> 'yes'. */
  name: string;
  word: ShellWord;
  value: string | undefined;
}

export interface ReadCommandLine {
  options: ReadOption[];
  /** Words that are not options, in order (the subcommand first, for tools that have one). */
  operands: ShellWord[];
  /** Set when an option or operand is not a literal word: callers should not guess then. */
  hasExpansion: boolean;
}

export function readCommandLine(command: ShellCommand, syntax: OptionSyntax = {}): ReadCommandLine {
  const options: ReadOption[] = [];
  const operands: ShellWord[] = [];
  let hasExpansion = false;
  const args = command.args;
  let onlyOperands = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const text = word.value;
    if (text === undefined) {
      hasExpansion = true;
      operands.push(word);
      continue;
    }
    if (onlyOperands || !text.startsWith('-') || text === '-') {
      operands.push(word);
      continue;
    }
    if (text === '--') {
      onlyOperands = true;
      continue;
    }
    if (text.startsWith('--')) {
      const equals = text.indexOf('=');
      const name = equals < 0 ? text.slice(2) : text.slice(2, equals);
      let value = equals < 0 ? undefined : text.slice(equals + 1);
      if (value === undefined && syntax.longWithValue?.includes(name)) value = args[++i]?.value;
      options.push({ name, word, value });
      continue;
    }
    for (let c = 1; c < text.length; c++) {
      const name = text[c]!;
      if (syntax.shortWithValue?.includes(name)) {
        const value = c + 1 < text.length ? text.slice(c + 1).replace(/^=/, '') : args[++i]?.value;
        options.push({ name, word, value });
        break;
      }
      if (text[c + 1] === '=') {
        options.push({ name, word, value: text.slice(c + 2) });
        break;
      }
      options.push({ name, word, value: undefined });
    }
  }
  return { options, operands, hasExpansion };
}

export function hasOption(line: ReadCommandLine, ...names: string[]): boolean {
  return line.options.some((option) => names.includes(option.name));
}
