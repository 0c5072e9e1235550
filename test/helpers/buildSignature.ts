// What a Dockerfile builds, as far as its text decides it: every instruction's keyword, flags,
// arguments, pairs and heredoc bodies. Two texts with the same signature build the same image.
// Whitespace between words of a shell-form command is collapsed: the shell splits words on it.
import type { Dockerfile, Instruction } from '../../core/src/parser';

const SHELL_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export function buildSignature(tree: Dockerfile): unknown {
  return {
    escape: tree.escapeChar,
    directives: tree.directives.map((d) => [d.name, d.value]),
    instructions: tree.instructions.map(instructionSignature),
  };
}

function instructionSignature(instruction: Instruction): unknown {
  const shell = SHELL_FORM.has(instruction.keyword) && !instruction.exec;
  return {
    keyword: instruction.keyword,
    flags: instruction.flags.map((f) => [f.name, f.value]),
    args: instruction.args.map((a) => (shell ? collapseShellWhitespace(a.value) : a.value)),
    exec: instruction.exec?.strings.map((s) => s.value),
    pairs: instruction.pairs?.map((p) => [p.key.value, p.value?.value]),
    heredocs: instruction.heredocs.map((h) => [h.name, h.chomp, h.expand, h.content]),
    problems: instruction.problems.map((p) => p.code),
    trigger: instruction.trigger ? instructionSignature(instruction.trigger) : undefined,
  };
}

/** Runs of spaces and tabs outside quotes become one space. */
export function collapseShellWhitespace(command: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (quote === undefined && (ch === ' ' || ch === '\t')) {
      if (!out.endsWith(' ')) out += ' ';
      continue;
    }
    if (ch === '\\' && quote !== "'") {
      out += ch + (command[++i] ?? '');
      continue;
    }
    if (quote === undefined && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = undefined;
    out += ch;
  }
  return out;
}
