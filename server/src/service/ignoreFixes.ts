// The "Ignore <Rule> on this line / in this file" fixes: a `# check=skip=` comment directly above
// the instruction, or the rule added to the file's `# check=skip=` parser directive.
import { checkCommentsAbove, parseCheckOptions } from '../../../core/src/model';
import { instructionAtLine } from '../../../core/src/engine/instructionAt';
import type { Dockerfile, Instruction } from '../../../core/src/parser';
import type { Fix, TextEdit } from '../../../core/src/rules';

const at = (line: number, character = 0): { line: number; character: number } => ({ line, character });
const insert = (line: number, newText: string): TextEdit => ({ range: { start: at(line), end: at(line) }, newText });

/** `skip=A` in a check value becomes `skip=A,code`; a value without skip gains `;skip=code`. */
function addToSkip(value: string, code: string): string {
  // BuildKit reads a `# check=` value up to its first space; what follows is the author's note
  // and stays after the options.
  const start = value.length - value.trimStart().length;
  const space = value.slice(start).search(/\s/);
  const end = space < 0 ? value.length : start + space;
  return value.slice(0, start) + addToSkipList(value.slice(start, end), code) + value.slice(end);
}

/** `options` holds no spaces: `skip=A,B;error=true`. */
function addToSkipList(options: string, code: string): string {
  const skip = /(^|;)(skip=)([^;]*)/.exec(options);
  if (!skip) return options === '' ? `skip=${code}` : `${options};skip=${code}`;
  const list = skip[3]!;
  const end = skip.index + skip[0].length;
  const newList = list === '' ? code : `${list},${code}`;
  return `${options.slice(0, skip.index)}${skip[1]}${skip[2]}${newList}${options.slice(end)}`;
}

type CommentsAbove = ReturnType<typeof checkCommentsAbove>;

/** The `# check=` comment directly above each instruction, read once per parsed version. */
const commentsAboveCache = new WeakMap<Dockerfile, CommentsAbove>();

function commentsAbove(tree: Dockerfile): CommentsAbove {
  const cached = commentsAboveCache.get(tree);
  if (cached) return cached;
  const found = checkCommentsAbove(tree);
  commentsAboveCache.set(tree, found);
  return found;
}

/**
 * The ignore fixes of one parsed version. What they read of the tree (the comments above the
 * instructions, the file's check directive) is read once, so a fix costs a binary search however
 * many diagnostics a request holds; "in this file" is computed once per rule code.
 */
export class IgnoreFixes {
  private readonly inFileFixes = new Map<string, Fix | undefined>();

  constructor(private readonly tree: Dockerfile) {}

  /** The instruction whose lines hold `line`: "ignore on this line" is the same fix for all of them. */
  instructionAt(line: number): Instruction | undefined {
    return instructionAtLine(this.tree, line);
  }

  onLine(instruction: Instruction, code: string): Fix | undefined {
    const tree = this.tree;
    const title = { en: `Ignore ${code} on this line`, ko: `이 줄에서 ${code} 무시하기` };
    const existing = commentsAbove(tree).get(instruction);
    if (existing) {
      const { comment } = existing;
      const value = comment.text.slice(comment.text.indexOf('=') + 1);
      if (existing.options?.skipAll || existing.options?.skip.has(code)) return undefined;
      return { title, edits: [{ range: comment.range, newText: `# check=${addToSkip(value, code)}` }] };
    }
    const start = instruction.range.start;
    const indent = ' '.repeat(start.character);
    // Right under the directive block (or on line 0) the comment would itself be read as a file-wide
    // directive; a blank line before it keeps it local.
    const lastDirective = tree.directives[tree.directives.length - 1];
    const extendsDirectives =
      start.line === 0 || (lastDirective !== undefined && lastDirective.range.end.line === start.line - 1);
    return { title, edits: [insert(start.line, `${extendsDirectives ? '\n' : ''}${indent}# check=skip=${code}\n`)] };
  }

  inFile(code: string): Fix | undefined {
    if (!this.inFileFixes.has(code)) this.inFileFixes.set(code, inFileFix(this.tree, code));
    return this.inFileFixes.get(code);
  }
}

function inFileFix(tree: Dockerfile, code: string): Fix | undefined {
  const title = { en: `Ignore ${code} in this file`, ko: `이 파일에서 ${code} 무시하기` };
  const directive = tree.directives.find((d) => d.name === 'check');
  if (directive) {
    const { options } = parseCheckOptions(directive.value);
    if (!options || options.skipAll || options.skip.has(code)) return undefined;
    return { title, edits: [{ range: directive.valueRange, newText: addToSkip(directive.value, code) }] };
  }
  const lastDirective = tree.directives[tree.directives.length - 1];
  return { title, edits: [insert(lastDirective ? lastDirective.range.end.line + 1 : 0, `# check=skip=${code}\n`)] };
}
