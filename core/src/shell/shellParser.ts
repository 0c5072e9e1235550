// Reads a shell script into the flat view the rules need: its simple commands (name, arguments
// with literal values, how they are joined, where they run) and its pipelines.
//
// Why tree-sitter-bash (through web-tree-sitter): we compared it with mvdan-sh (mvdan/sh, the
// shfmt parser, compiled to JS with GopherJS), sh-syntax (the same parser as Go wasm) and
// bash-parser on the 1,071 RUN scripts of the corpus (694 KB).
// - tree-sitter-bash parsed and walked the whole corpus in about 0.2 s once warm (the same
//   grammar bash-language-server uses); offsets are UTF-16, like our ranges. Its one cost is an
//   async start-up (two .wasm files, about 40 ms), done once before the server answers
//   `initialize`, and the .wasm files the build copies next to dist/server.js.
// - mvdan-sh is synchronous and parses fast (0.5 s), but every field read crosses GopherJS's
//   object wrapping: walking the corpus trees took 5-15 s. Positions are UTF-8 bytes.
// - sh-syntax is async and took 5-8 s (JSON across the wasm boundary); bash-parser is
//   unmaintained and misses common bash syntax.
// A script with a syntax error (for example a PowerShell RUN) gives no view: rules stay silent.
import { Language, type Node, Parser } from 'web-tree-sitter';
import { preferBaselineCompiler, readWasm } from './wasmFiles';

type ShellOperator = '&&' | '||' | ';' | '&' | '|' | '|&';

/** A word of the script; offsets are UTF-16 offsets into the parsed text. */
export interface ScriptWord {
  raw: string;
  /** The word after quote removal; undefined when it holds an expansion ($VAR, $(...)). Globs stay literal. */
  value: string | undefined;
  start: number;
  end: number;
}

export interface ScriptCommand {
  name: ScriptWord;
  args: ScriptWord[];
  /** Names assigned in `NAME=value cmd` prefixes. */
  assignments: string[];
  start: number;
  end: number;
  /** The operator joining this command to the one before it (a newline counts as `;`). */
  before: ShellOperator | undefined;
  /** The operator joining this command to the one after it. */
  after: ShellOperator | undefined;
  /** Part of a pipeline `a | b`. */
  inPipeline: boolean;
  /** Runs in a subshell `( ... )` or a substitution `$( ... )` / `<( ... )`. */
  inSubshell: boolean;
  /** Inside `$( ... )`, `` `...` `` or `<( ... )`. */
  inSubstitution: boolean;
  /** Inside if/elif/else, a loop, a case or a function body. */
  inControlFlow: boolean;
}

interface ScriptPipeline {
  start: number;
  end: number;
  /** Number of commands joined by `|`. */
  length: number;
  /** `set -o pipefail` (or a combined form) ran earlier in the same shell. */
  pipefail: boolean;
  inSubstitution: boolean;
}

interface ParsedScript {
  commands: ScriptCommand[];
  pipelines: ScriptPipeline[];
}

export type ScriptParse = { ok: true; script: ParsedScript } | { ok: false; error: string };

let parser: Parser | undefined;

let loading: Promise<void> | undefined;

/** Loads the parser once. Until it resolves, `parseScript` reports that it is not ready. */
export function initShellParser(): Promise<void> {
  loading ??= (async () => {
    preferBaselineCompiler();
    const [runtime, grammar] = await Promise.all([readWasm('tree-sitter.wasm'), readWasm('tree-sitter-bash.wasm')]);
    // locateFile keeps the runtime from building a URL from import.meta.url, which is not a valid base
    // in a worker started from a blob: URL (a web extension host's workers); the binary is given anyway.
    await Parser.init({ wasmBinary: runtime, locateFile: (file: string) => file });
    const bash = await Language.load(grammar);
    const created = new Parser();
    created.setLanguage(bash);
    parser = created;
  })();
  return loading;
}

export function isShellParserReady(): boolean {
  return parser !== undefined;
}

/**
 * Parses of recent script texts. A parse holds only offsets into its text, so the same text
 * (a RUN repeated in several stages, an edit undone) reuses it. Bounded: oldest out first.
 */
const recentParses = new Map<string, ScriptParse>();
const MAX_RECENT_PARSES = 4000;

/** Parses bash (a superset of the POSIX sh that /bin/sh -c runs). Never throws. */
export function parseScript(text: string): ScriptParse {
  if (!parser) return { ok: false, error: 'the shell parser is not loaded yet' };
  const recent = recentParses.get(text);
  if (recent) return recent;
  const parsed = parseFresh(parser, text);
  if (recentParses.size >= MAX_RECENT_PARSES) recentParses.delete(recentParses.keys().next().value!);
  recentParses.set(text, parsed);
  return parsed;
}

/**
 * Deepest nesting of subshells, substitutions, braces and control flow the walker follows: it
 * recurses once per level, so a script nested thousands deep would overflow the stack.
 */
export const MAX_SCRIPT_NESTING = 200;
/**
 * Time one script may take in tree-sitter: some inputs make its bash scanner slow (thousands of
 * heredocs pending on one line take quadratic time). Past this the script gets no view.
 */
const PARSE_BUDGET_MS = 2000;
/** Scripts longer than this are parsed against PARSE_BUDGET_MS (shorter ones are fast whatever they hold). */
const TIMED_SCRIPT_LENGTH = 4096;

class TooDeep extends Error {}

function parseFresh(parser: Parser, text: string): ScriptParse {
  const deadline = performance.now() + PARSE_BUDGET_MS;
  let tree: ReturnType<Parser['parse']>;
  try {
    // A progress callback that returns true cancels the parse (the type says void). It is a call
    // from wasm into JavaScript every few hundred parser steps: a short script, which cannot take
    // long, is parsed without it.
    const options =
      text.length > TIMED_SCRIPT_LENGTH
        ? { progressCallback: ((): boolean => performance.now() > deadline) as () => void }
        : undefined;
    tree = parser.parse(text, null, options);
  } catch {
    return { ok: false, error: 'the shell parser failed on this script' };
  }
  if (!tree)
    return {
      ok: false,
      error: performance.now() > deadline ? 'the script took too long to parse' : 'the shell parser gave no tree',
    };
  try {
    const root = tree.rootNode;
    if (root.hasError) return { ok: false, error: 'the script has a shell syntax error' };
    const walker = new Walker();
    walker.sequence(root, TOP);
    return { ok: true, script: { commands: walker.commands, pipelines: walker.pipelines } };
  } catch (error) {
    if (error instanceof TooDeep)
      return { ok: false, error: `the script nests more than ${MAX_SCRIPT_NESTING} levels deep` };
    throw error;
  } finally {
    tree.delete();
  }
}

interface Where {
  inPipeline: boolean;
  inSubshell: boolean;
  inSubstitution: boolean;
  inControlFlow: boolean;
}

const TOP: Where = { inPipeline: false, inSubshell: false, inSubstitution: false, inControlFlow: false };
/** Named node types of tree-sitter-bash that never have children (node-types.json). */
const LEAF_TYPES: ReadonlySet<string> = new Set([
  'word',
  'raw_string',
  'ansi_c_string',
  'variable_name',
  'special_variable_name',
  'string_content',
  'file_descriptor',
  'comment',
  'heredoc_start',
  'heredoc_content',
  'heredoc_end',
  'test_operator',
  'regex',
  'extglob_pattern',
]);
const CONTROL = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'while_statement',
  'for_statement',
  'c_style_for_statement',
  'case_statement',
  'case_item',
  'do_group',
]);

class Walker {
  readonly commands: ScriptCommand[] = [];
  readonly pipelines: ScriptPipeline[] = [];
  private pipefail = false;
  private pendingBefore: ShellOperator | undefined;
  private last: ScriptCommand | undefined;
  private depth = 0;

  /** A list of statements (program, `{ }`, `( )`, bodies): named children joined by `;`, `&` or newlines. */
  sequence(node: Node, where: Where): void {
    let seen = false;
    for (const child of node.children) {
      if (!child) continue;
      if (!child.isNamed) {
        if (child.type === '&' && this.last) this.last.after = '&';
        continue;
      }
      if (child.type === 'comment') continue;
      if (seen) this.join(';');
      seen = true;
      this.visit(child, where);
    }
  }

  private join(operator: ShellOperator): void {
    if (this.last && this.last.after === undefined) this.last.after = operator;
    this.pendingBefore = operator;
  }

  private visit(node: Node, where: Where): void {
    if (this.depth >= MAX_SCRIPT_NESTING) throw new TooDeep();
    this.depth++;
    try {
      this.visitNode(node, where);
    } finally {
      this.depth--;
    }
  }

  private visitNode(node: Node, where: Where): void {
    // Each read of `type` is a call into the wasm parser: read it once.
    const type = node.type;
    switch (type) {
      case 'command':
        this.command(node, where);
        return;
      case 'declaration_command':
      case 'unset_command':
        this.declaration(node, where);
        return;
      case 'list':
      case 'pipeline':
        this.chain(node, where);
        return;
      case 'subshell':
        this.isolatedShell(() => this.sequence(node, { ...where, inSubshell: true }));
        return;
      case 'command_substitution':
      case 'process_substitution':
        this.isolatedShell(() =>
          this.isolatedChain(() =>
            this.sequence(node, { ...where, inSubshell: true, inSubstitution: true, inPipeline: false }),
          ),
        );
        return;
      case 'function_definition':
        this.isolatedChain(() => this.children(node, { ...where, inControlFlow: true }));
        return;
      case 'heredoc_redirect':
        this.heredocRedirect(node, where);
        return;
      case 'compound_statement':
      case 'program':
        this.sequence(node, where);
        return;
      default:
        // Most nodes are words: they hold nothing to visit, so their children are not asked for.
        if (LEAF_TYPES.has(type)) return;
        if (CONTROL.has(type)) {
          this.sequence(node, { ...where, inControlFlow: true });
          return;
        }
        // redirected_statement, negated_command, variable_assignment, test_command, ...: look inside.
        this.children(node, where);
    }
  }

  /** tree-sitter-bash keeps what follows `<<EOF` on its line (`&& next`) inside the redirect. */
  private heredocRedirect(node: Node, where: Where): void {
    for (const child of node.children) {
      if (!child) continue;
      if (child.type === '&&' || child.type === '||' || child.type === '|' || child.type === '|&' || child.type === ';')
        this.join(child.type);
      else if (child.isNamed) this.visit(child, where);
    }
  }

  private children(node: Node, where: Where): void {
    for (const child of node.namedChildren) if (child) this.visit(child, where);
  }

  /**
   * `a | b && c || d`: lists and pipelines, flattened into one run of operands and operators and
   * regrouped with `|` binding tighter than `&&` and `||`. tree-sitter-bash sometimes nests a list
   * inside a pipeline (after a redirect earlier in the chain); regrouping undoes that.
   */
  private chain(node: Node, where: Where): void {
    const items = flattenChain(node);
    let segment: Node[] = [];
    let pipes: ShellOperator[] = [];
    const flush = (): void => {
      if (segment.length > 1 && !where.inPipeline) {
        this.pipelines.push({
          start: segment[0]!.startIndex,
          end: segment[segment.length - 1]!.endIndex,
          length: segment.length,
          pipefail: this.pipefail,
          inSubstitution: where.inSubstitution,
        });
      }
      const inner = segment.length > 1 ? { ...where, inPipeline: true } : where;
      segment.forEach((operand, index) => {
        if (index > 0) this.join(pipes[index - 1]!);
        this.visit(operand, inner);
      });
      segment = [];
      pipes = [];
    };
    for (const item of items) {
      if (typeof item !== 'string') segment.push(item);
      else if (item === '|' || item === '|&') pipes.push(item);
      else {
        flush();
        this.join(item);
      }
    }
    flush();
  }

  private command(node: Node, where: Where): void {
    const nameNode = node.childForFieldName('name');
    const args: ScriptWord[] = [];
    const assignments: string[] = [];
    for (const child of node.namedChildren) {
      if (!child || (nameNode && child.equals(nameNode))) continue;
      const type = child.type;
      if (type === 'variable_assignment') {
        const variable = child.childForFieldName('name');
        if (variable) assignments.push(variable.text);
      } else if (
        type !== 'file_redirect' &&
        type !== 'herestring_redirect' &&
        type !== 'heredoc_redirect' &&
        type !== 'comment'
      ) {
        args.push(scriptWord(child));
      }
    }
    if (nameNode) {
      const name = scriptWord(nameNode.namedChildren[0] ?? nameNode);
      const command: ScriptCommand = {
        name,
        args,
        assignments,
        start: node.startIndex,
        end: node.endIndex,
        before: this.pendingBefore,
        after: undefined,
        ...where,
      };
      this.pendingBefore = undefined;
      this.commands.push(command);
      this.last = command;
      if (!where.inSubshell && !where.inPipeline && name.value === 'set') this.applySet(args);
    }
    // Substitutions in the name, the arguments and the assignments.
    this.children(node, where);
  }

  /** `export`, `local`, `declare`, `readonly`, `unset`: a command named by its keyword. */
  private declaration(node: Node, where: Where): void {
    const keyword = node.children[0];
    if (keyword) {
      const name = { raw: keyword.text, value: keyword.text, start: keyword.startIndex, end: keyword.endIndex };
      const args = node.namedChildren
        .filter((c): c is Node => c !== null)
        .map((c) => ({ raw: c.text, value: undefined, start: c.startIndex, end: c.endIndex }));
      const command: ScriptCommand = {
        name,
        args,
        assignments: [],
        start: node.startIndex,
        end: node.endIndex,
        before: this.pendingBefore,
        after: undefined,
        ...where,
      };
      this.pendingBefore = undefined;
      this.commands.push(command);
      this.last = command;
    }
    this.children(node, where);
  }

  /** `set -o pipefail`, `set -euo pipefail`, `set -o errexit -o pipefail`, `set +o pipefail`. */
  private applySet(args: ScriptWord[]): void {
    for (let i = 0; i < args.length; i++) {
      const flag = args[i]!.value ?? '';
      if (/^[-+][a-zA-Z]*o$/.test(flag) && args[i + 1]?.value === 'pipefail') this.pipefail = flag.startsWith('-');
    }
  }

  /** A substitution or function body is its own chain: operators around it do not leak in or out. */
  private isolatedChain(run: () => void): void {
    const { pendingBefore, last } = this;
    this.pendingBefore = undefined;
    this.last = undefined;
    run();
    this.pendingBefore = pendingBefore;
    this.last = last;
  }

  /** A subshell's `set` does not reach its parent. */
  private isolatedShell(run: () => void): void {
    const pipefail = this.pipefail;
    run();
    this.pipefail = pipefail;
  }
}

/**
 * A list or pipeline's operands and operators in source order, with the nested lists and
 * pipelines opened. tree-sitter-bash nests `a && b && c` to the left, one level per operator,
 * so this walks with its own stack instead of recursing.
 */
function flattenChain(node: Node): (Node | ShellOperator)[] {
  const items: (Node | ShellOperator)[] = [];
  // Children still to read, last first.
  const pending: Node[] = [];
  const pushChildren = (parent: Node): void => {
    const children = parent.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) pending.push(child);
    }
  };
  pushChildren(node);
  for (let child = pending.pop(); child; child = pending.pop()) {
    if (child.type === 'comment') continue;
    if (child.type === 'list' || child.type === 'pipeline') pushChildren(child);
    else if (child.type === '&&' || child.type === '||' || child.type === '|' || child.type === '|&')
      items.push(child.type);
    else if (child.isNamed) items.push(child);
  }
  return items;
}

function scriptWord(node: Node): ScriptWord {
  return { raw: node.text, value: literal(node), start: node.startIndex, end: node.endIndex };
}

/** The value of a word with quotes removed, when it has no expansion. */
function literal(node: Node): string | undefined {
  switch (node.type) {
    case 'word':
    case 'number':
      return node.text.replace(/\\(\n|.)/g, (_, ch: string) => (ch === '\n' ? '' : ch));
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.includes('\\') ? undefined : node.text.slice(2, -1);
    case 'string': {
      let value = '';
      for (const child of node.namedChildren) {
        if (child?.type !== 'string_content') return undefined;
        value += child.text.replace(/\\([$`"\\\n])/g, (_, ch: string) => (ch === '\n' ? '' : ch));
      }
      return value;
    }
    case 'concatenation': {
      let value = '';
      for (const child of node.namedChildren) {
        const part = child && literal(child);
        if (part === undefined) return undefined;
        value += part;
      }
      return value;
    }
    default:
      return undefined;
  }
}
