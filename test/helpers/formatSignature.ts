// What a formatted Dockerfile must keep: its build signature, except the text of shell-form RUN
// commands, which the formatter reprints as shfmt does (their shell trees are compared instead,
// in test/service/formatShell.test.ts).
import { Language, type Node, Parser } from 'web-tree-sitter';
import { type Instruction, parseDockerfile } from '../../core/src/parser';
import { buildSignature } from './buildSignature';

export function signatureOutsideRunScripts(text: string): unknown {
  const signature = buildSignature(parseDockerfile(text)) as {
    instructions: { keyword: string; exec: unknown; args: unknown; flags: [string, string | undefined][] }[];
  };
  const tree = parseDockerfile(text);
  signature.instructions.forEach((instruction, i) => {
    // BuildKit reads flags by name: the order of different names does not matter, the order of
    // one repeated name (`--mount`) does. A stable sort by name keeps exactly that.
    instruction.flags = [...instruction.flags].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (instruction.keyword !== 'RUN' || instruction.exec !== undefined) return;
    instruction.args = 'shell';
    if (scriptHeredoc(tree.instructions[i]!) !== undefined) (instruction as { heredocs?: unknown }).heredocs = 'shell';
  });
  return signature;
}

/** The body of `RUN <<EOF` (the script itself), which the formatter may reprint. */
function scriptHeredoc(instruction: Instruction): string | undefined {
  const [heredoc] = instruction.heredocs;
  return heredoc && instruction.heredocs.length === 1 && /^\d*<<-?\S+$/.test(instruction.rest?.raw ?? '')
    ? heredoc.content
    : undefined;
}

/** The scripts of shell-form RUNs as Docker hands them to the shell. */
export const runScripts = (text: string): string[] =>
  parseDockerfile(text)
    .instructions.filter((i) => i.keyword === 'RUN' && !i.exec && i.rest)
    .flatMap((i) => {
      const body = scriptHeredoc(i);
      return body === undefined ? [i.rest!.raw] : [i.rest!.raw, body];
    });

/**
 * A reader of shell syntax trees independent of the formatter's printer: tree-sitter-bash's node
 * types and leaf texts, with whitespace, line continuations, comments and the grouping nodes
 * whose shape follows the line layout (program, list, pipeline) left out. Two scripts with the
 * same tree run the same commands.
 */
export async function loadShellTree(): Promise<(script: string) => string | undefined> {
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
  const bash = new Parser();
  bash.setLanguage(language);
  return (script) => {
    const tree = bash.parse(script);
    if (!tree) return undefined;
    const out: string[] = [];
    const walk = (node: Node): void => {
      if (node.type === 'comment') return;
      if (node.childCount === 0) out.push(`${node.type}:${node.text.replace(/\\\r?\n/g, '').replace(/\s+/g, ' ')}`);
      else out.push(`(${node.type}`);
      for (const child of node.children) if (child) walk(child);
      if (node.childCount > 0) out.push(')');
    };
    walk(tree.rootNode);
    tree.delete();
    return out
      .join(' ')
      .replace(/ ;/g, '')
      .replace(/\(?(program|list|pipeline) ?/g, '')
      .replace(/[()]/g, '');
  };
}
