import type { PositionSink } from './logicalText';
import type { Directive, DirectiveName, SyntaxProblem } from './syntax';

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const KNOWN: ReadonlySet<string> = new Set<DirectiveName>(['syntax', 'escape', 'check']);

export interface DirectiveBlock {
  directives: Directive[];
  problems: SyntaxProblem[];
  /** First line after the directive block. */
  nextLine: number;
  escapeChar: '\\' | '`';
}

/**
 * Parser directives live only in the leading comment block: the first line that is not a
 * known `# name=value` (a blank line, another comment, an instruction, an unknown name) ends
 * the block, as in BuildKit. Each directive may appear once.
 */
export function readDirectives(lines: readonly string[], sink: PositionSink): DirectiveBlock {
  const directives: Directive[] = [];
  const problems: SyntaxProblem[] = [];
  let escapeChar: '\\' | '`' = '\\';
  let line = 0;
  for (; line < lines.length; line++) {
    const text = line === 0 ? stripBom(lines[0]!) : lines[line]!;
    const indent = text.length - text.trimStart().length;
    const match = DIRECTIVE.exec(text.slice(indent));
    if (!match) break;
    const rawName = match[1]!;
    const name = rawName.toLowerCase();
    if (!KNOWN.has(name)) break;
    const value = match[2]!;
    const offset = (line === 0 ? lines[0]!.length - text.length : 0) + indent;
    const nameStart = offset + text.slice(indent).indexOf(rawName);
    const valueStart = value === '' ? offset + text.slice(indent).length : offset + text.slice(indent).lastIndexOf(value);
    const directive: Directive = {
      kind: 'directive',
      name: name as DirectiveName,
      rawName,
      value,
      range: sink.range(line, offset, line, lines[line]!.length),
      nameRange: sink.range(line, nameStart, line, nameStart + rawName.length),
      valueRange: sink.range(line, valueStart, line, valueStart + value.length),
    };
    if (directives.some((d) => d.name === directive.name)) {
      problems.push({ code: 'duplicate-directive', message: `The ${name} parser directive can only be given once.`, range: directive.range });
    } else if (name === 'escape') {
      if (value === '\\' || value === '`') escapeChar = value;
      else problems.push({ code: 'invalid-escape', message: `Invalid escape character "${value}": it must be \\ or \`.`, range: directive.valueRange });
    }
    directives.push(directive);
  }
  return { directives, problems, nextLine: line, escapeChar };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
