import type { PositionSink } from './logicalText';
import type { Directive, DirectiveName, SyntaxProblem } from './syntax';

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
    const match = matchDirective(text, indent);
    if (!match) break;
    const rawName = text.slice(match.nameStart, match.nameEnd);
    const name = rawName.toLowerCase();
    if (!KNOWN.has(name)) break;
    const value = text.slice(match.valueStart, match.valueEnd);
    const shift = line === 0 ? lines[0]!.length - text.length : 0;
    const offset = shift + indent;
    const nameStart = shift + match.nameStart;
    const valueStart = shift + (value === '' ? text.length : match.valueStart);
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
      problems.push({
        code: 'duplicate-directive',
        message: {
          en: `The ${name} parser directive can only be given once.`,
          ko: `${name} 파서 지시문은 한 번만 쓸 수 있습니다.`,
        },
        range: directive.range,
      });
    } else if (name === 'escape') {
      if (value === '\\' || value === '`') escapeChar = value;
      else
        problems.push({
          code: 'invalid-escape',
          message: {
            en: `Invalid escape character "${value}": it must be \\ or \`.`,
            ko: `escape 문자가 올바르지 않습니다: "${value}". \\ 또는 \`만 쓸 수 있습니다.`,
          },
          range: directive.valueRange,
        });
    }
    directives.push(directive);
  }
  return { directives, problems, nextLine: line, escapeChar };
}

interface DirectiveMatch {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

const isBlank = (code: number): boolean => code === 0x20 || code === 0x09;
const isLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
/** Characters a regular expression's `.` does not match: a directive's value cannot hold them. */
const isLineTerminator = (code: number): boolean =>
  code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/**
 * `#[ \t]*name[ \t]*=[ \t]*value[ \t]*` from `start` to the end of `text`, with name
 * `[a-zA-Z][a-zA-Z0-9]*` and value trimmed of spaces and tabs: offsets into `text`, or
 * undefined when the line is not of that form. One pass over the line (a regular expression
 * with `(.*?)[ \t]*$` backtracks quadratically on a long run of blanks inside the value).
 */
export function matchDirective(text: string, start = 0): DirectiveMatch | undefined {
  const end = text.length;
  let i = start;
  if (text.charCodeAt(i) !== 0x23) return undefined;
  i++;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  const nameStart = i;
  if (!isLetter(text.charCodeAt(i))) return undefined;
  i++;
  while (i < end && (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
  const nameEnd = i;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x3d) return undefined;
  i++;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  const valueStart = i;
  for (let j = i; j < end; j++) if (isLineTerminator(text.charCodeAt(j))) return undefined;
  let valueEnd = end;
  while (valueEnd > valueStart && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
  return { nameStart, nameEnd, valueStart, valueEnd };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
