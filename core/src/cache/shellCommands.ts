// The simple commands of a RUN instruction, split the way a reader of the script would:
// enough to recognise `npm ci` or `apt-get update`, not a shell parser.
import type { Instruction } from '../parser';

/** One simple command: its words with quotes removed and leading shell keywords dropped. */
export type SimpleCommand = readonly string[];

/** Words that start a command without being the command. */
const PREFIX_WORDS: ReadonlySet<string> = new Set([
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  '!',
  'time',
  'exec',
  'sudo',
  'command',
  'nohup',
]);
const SHELLS: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'zsh',
  '/bin/sh',
  '/bin/bash',
  '/bin/ash',
  '/usr/bin/env',
]);

/** The script a RUN runs: its shell-form command, the `sh -c` string of its exec form, and script heredocs. */
export function runScript(instruction: Instruction): string {
  if (instruction.exec) {
    const strings = instruction.exec.strings.map((s) => s.value);
    const dashC = strings.indexOf('-c');
    if (dashC >= 1 && SHELLS.has(strings[0]!) && strings[dashC + 1] !== undefined) return strings[dashC + 1]!;
    return strings.map(quoteIfNeeded).join(' ');
  }
  const command = instruction.rest?.value ?? '';
  const bodies = instruction.heredocs.map((h) => h.content);
  return bodies.length > 0 ? `${command}\n${bodies.join('\n')}` : command;
}

function quoteIfNeeded(word: string): string {
  return /[\s;&|]/.test(word) ? `'${word.replace(/'/g, '')}'` : word;
}

/** Splits a script into simple commands at `&&`, `||`, `;`, `|`, `&`, newlines and parentheses. */
export function splitCommands(script: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    const command = normalise(words);
    if (command.length > 0) commands.push(command);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (ch === "'" || ch === '"') {
      const close = script.indexOf(ch, i + 1);
      const end = close < 0 ? script.length : close;
      word += script.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '\\' && i + 1 < script.length) {
      if (script[i + 1] !== '\n') {
        word += script[i + 1];
        inWord = true;
      }
      i++;
    } else if (ch === '#' && !inWord) {
      const newline = script.indexOf('\n', i);
      i = newline < 0 ? script.length : newline - 1;
    } else if (ch === ';' || ch === '&' || ch === '|' || ch === '\n' || ch === '(' || ch === ')' || ch === '`') {
      endCommand();
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

/** Drops shell keywords, `VAR=value` assignments and `env` in front of the command itself. */
function normalise(words: readonly string[]): SimpleCommand {
  let start = 0;
  while (start < words.length) {
    const word = words[start]!;
    if (PREFIX_WORDS.has(word) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) start++;
    else if (word === 'env' && start + 1 < words.length) start++;
    else break;
  }
  // `for x in ...; do` and `case` lines carry no command of interest.
  const first = words[start];
  if (
    first === 'for' ||
    first === 'case' ||
    first === 'fi' ||
    first === 'done' ||
    first === 'esac' ||
    first === '{' ||
    first === '}'
  )
    return [];
  return words.slice(start);
}

/** Positional arguments (words not starting with `-`) after the first `skip` words. */
export function positionals(command: SimpleCommand, skip: number): string[] {
  return command.slice(skip).filter((word) => !word.startsWith('-'));
}

/** The command name without a leading path: `/usr/bin/apt-get` -> `apt-get`, `./mvnw` -> `mvnw`. */
export function commandName(command: SimpleCommand): string {
  const first = command[0] ?? '';
  const slash = first.lastIndexOf('/');
  return slash < 0 ? first : first.slice(slash + 1);
}
