// How apt-get is called: its option syntax and the subcommands that change packages.
import type { Instruction } from '../../parser';
import { hasOption, type OptionSyntax } from '../../shell';
import { type ToolCall, toolCalls } from './support';

const APT_GET_OPTIONS: OptionSyntax = {
  shortWithValue: 'oct',
  longWithValue: ['option', 'config-file', 'target-release', 'default-release'],
};

/** apt-get calls whose subcommand is one of `subcommands` (a subcommand with an expansion is never matched). */
export function aptGetCalls(
  instruction: Instruction,
  subcommands: readonly string[],
  programs: readonly string[] = ['apt-get'],
): ToolCall[] {
  return toolCalls(instruction, programs, APT_GET_OPTIONS).filter(
    (call) => call.subcommand?.value !== undefined && subcommands.includes(call.subcommand.value),
  );
}

/** `-o Name=value` settings given on the command line, names lower-cased. */
export function aptSettings(call: ToolCall): Map<string, string> {
  const settings = new Map<string, string>();
  for (const option of call.line.options) {
    if ((option.name !== 'o' && option.name !== 'option') || !option.value) continue;
    const equals = option.value.indexOf('=');
    if (equals > 0)
      settings.set(option.value.slice(0, equals).toLowerCase(), option.value.slice(equals + 1).toLowerCase());
  }
  return settings;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const isTrue = (value: string | undefined): boolean => value !== undefined && TRUE.has(value);

/** apt-get answers its own prompt: -y, --yes, --assume-yes, -qq / -q=2 (which imply -y), or simulation. */
export function answersYes(call: ToolCall): boolean {
  const { line } = call;
  if (hasOption(line, 'y', 'yes', 'assume-yes', 's', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act'))
    return true;
  const quiet = line.options.filter((option) => option.name === 'q' || option.name === 'quiet');
  if (quiet.length >= 2 || quiet.some((option) => option.value !== undefined && Number(option.value) >= 2)) return true;
  return isTrue(aptSettings(call).get('apt::get::assume-yes'));
}
