// How pip is called: `pip`, `pip3`, `pip3.12`, or `python -m pip`.
import type { Instruction } from '../../parser';
import { type ReadCommandLine, readCommandLine, runShell, type ShellCommand } from '../../shell';
import { type ToolCall, toolCalls } from './support';

/** Options that take a value (pip install --help): their values are not packages. */
const PIP_OPTIONS = {
  shortWithValue: 'rcetidfbC',
  longWithValue: [
    'requirement',
    'constraint',
    'editable',
    'target',
    'index-url',
    'extra-index-url',
    'find-links',
    'cache-dir',
    'root',
    'prefix',
    'src',
    'upgrade-strategy',
    'python-version',
    'platform',
    'implementation',
    'abi',
    'trusted-host',
    'proxy',
    'timeout',
    'retries',
    'log',
    'cert',
    'client-cert',
    'progress-bar',
    'python',
    'only-binary',
    'no-binary',
    'config-settings',
    'global-option',
    'report',
    'root-user-action',
    'build',
    'config-setting',
    'install-option',
    'exists-action',
    'keyring-provider',
    'use-feature',
    'use-deprecated',
    'log-file',
    'group',
    'dest',
  ],
};

/** pip calls whose subcommand is `subcommand`; for `python -m pip`, the words after `pip`. */
export function pipCalls(instruction: Instruction, subcommand: string): ToolCall[] {
  const shell = runShell(instruction);
  if (!shell || shell.error) return [];
  const calls: ToolCall[] = [];
  for (const command of shell.commands) {
    const line = pipLine(command);
    if (line && line.operands[0]?.value === subcommand) calls.push({ command, line, subcommand: line.operands[0] });
  }
  return calls;
}

/** `pipx install` calls: pipx installs an application from a package spec, as pip does. */
export function pipxCalls(instruction: Instruction): ToolCall[] {
  return toolCalls(instruction, ['pipx'], PIPX_OPTIONS).filter((call) => call.subcommand?.value === 'install');
}

const PIPX_OPTIONS = { longWithValue: ['python', 'index-url', 'pip-args', 'suffix', 'preinstall'] };

function pipLine(command: ShellCommand): ReadCommandLine | undefined {
  const program = command.program ?? '';
  if (/^pip[\d.]*$/.test(program)) return readCommandLine(command, PIP_OPTIONS);
  if (!/^python[\d.]*$/.test(program)) return undefined;
  const module = command.args.findIndex((arg) => arg.value === '-m');
  if (module < 0 || command.args[module + 1]?.value !== 'pip') return undefined;
  return readCommandLine({ ...command, args: command.args.slice(module + 2) }, PIP_OPTIONS);
}
