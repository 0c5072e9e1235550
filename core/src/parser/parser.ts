// The Dockerfile parser: lossless, error tolerant, never throws. Follows BuildKit's reading of
// lines, continuations, comments, heredocs and arguments.
import { readDirectives } from './directives';
import { readArguments } from './instructionArguments';
import { INSTRUCTIONS, isKeyword } from './instructionTable';
import { LogicalText, PositionSink } from './logicalText';
import type { Comment, Dockerfile, Heredoc, Instruction, SyntaxProblem, TopLevel, Trivia } from './syntax';
import { skipSpaces, splitShellWords, unquote } from './words';
import { malformedText, MAX_VARIABLE_NESTING, scanVariables } from './variables';

const HEREDOC_KEYWORDS: ReadonlySet<string> = new Set(
  INSTRUCTIONS.filter((spec) => spec.heredocs).map((spec) => spec.keyword),
);
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

/** Every position object created for an item, so the item can be moved when lines shift. */
const itemPositions = new WeakMap<TopLevel, readonly { line: number }[]>();

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function isCommentLine(line: string): boolean {
  return line.trimStart().startsWith('#');
}

export interface ItemReader {
  lines: readonly string[];
  escapeChar: '\\' | '`';
  continuation: RegExp;
}

export function makeReader(lines: readonly string[], escapeChar: '\\' | '`'): ItemReader {
  return { lines, escapeChar, continuation: escapeChar === '`' ? /`[ \t]*$/ : /\\[ \t]*$/ };
}

/** Parses a whole document. */
export function parseDockerfile(text: string): Dockerfile {
  return parseLines(splitLines(text));
}

export function parseLines(lines: readonly string[]): Dockerfile {
  const sink = new PositionSink();
  const block = readDirectives(lines, sink);
  const items: TopLevel[] = [...block.directives];
  for (const directive of block.directives) itemPositions.set(directive, sink.created);
  const reader = makeReader(lines, block.escapeChar);
  let line = block.nextLine;
  while (line < lines.length) {
    const { item, nextLine } = readItem(reader, line);
    if (item) items.push(item);
    line = nextLine;
  }
  return assemble(block.escapeChar, block.directives, block.problems, items, lines.length);
}

export function assemble(
  escapeChar: '\\' | '`',
  directives: Dockerfile['directives'],
  problems: SyntaxProblem[],
  items: TopLevel[],
  lineCount: number,
): Dockerfile {
  const instructions = items.filter((item): item is Instruction => item.kind === 'instruction');
  return { escapeChar, directives, items, instructions, problems, lineCount };
}

/** Moves an item parsed earlier by `delta` lines. */
export function shiftItem(item: TopLevel, delta: number): void {
  const positions = itemPositions.get(item);
  if (!positions) return;
  for (const position of positions) position.line += delta;
}

/** Reads the comment or instruction at `line` (undefined for a blank line). */
export function readItem(reader: ItemReader, line: number): { item: TopLevel | undefined; nextLine: number } {
  const text = reader.lines[line]!;
  if (isBlank(text)) return { item: undefined, nextLine: line + 1 };
  const sink = new PositionSink();
  let item: TopLevel;
  let nextLine: number;
  if (isCommentLine(text)) {
    const indent = text.length - text.trimStart().length;
    item = {
      kind: 'comment',
      text: text.slice(indent),
      range: sink.range(line, indent, line, text.length),
    } satisfies Comment;
    nextLine = line + 1;
  } else {
    ({ instruction: item, nextLine } = readInstruction(reader, line, sink));
  }
  itemPositions.set(item, sink.created);
  return { item, nextLine };
}

function readInstruction(
  reader: ItemReader,
  firstLine: number,
  sink: PositionSink,
): { instruction: Instruction; nextLine: number } {
  const { lines, continuation } = reader;
  const logical = new LogicalText(sink);
  const trivia: Trivia[] = [];
  const firstText = lines[firstLine]!;
  const bom = firstLine === 0 && firstText.charCodeAt(0) === 0xfeff ? 1 : 0;
  const indent = firstText.length - firstText.slice(bom).trimStart().length;
  let line = firstLine;
  let piece = firstText.slice(indent);
  let character = indent;
  for (;;) {
    const match = continuation.exec(piece);
    if (!match) {
      logical.append(line, character, piece);
      break;
    }
    logical.append(line, character, piece.slice(0, match.index));
    trivia.push({
      kind: 'continuation',
      range: sink.range(line, character + match.index, line, character + piece.length),
      text: piece.slice(match.index),
    });
    // Comment and empty lines inside a continued instruction are skipped, as BuildKit does.
    let next = line + 1;
    while (next < lines.length && (isCommentLine(lines[next]!) || isBlank(lines[next]!))) {
      const skipped = lines[next]!;
      trivia.push({
        kind: isBlank(skipped) ? 'empty' : 'comment',
        range: sink.range(next, 0, next, skipped.length),
        text: skipped,
      });
      next++;
    }
    if (next >= lines.length) {
      line = next - 1;
      break;
    }
    line = next;
    piece = lines[line]!;
    character = 0;
  }
  const instruction = buildInstruction(logical, 0, reader.escapeChar, sink);
  instruction.trivia = trivia;
  const lastLine = readHeredocBodies(instruction, reader, line, sink);
  instruction.range = {
    start: sink.position(firstLine, indent),
    end: sink.position(lastLine, lines[lastLine]!.length),
  };
  return { instruction, nextLine: lastLine + 1 };
}

/** Builds the instruction whose keyword starts at or after `from` in the logical text (ONBUILD triggers reuse it). */
function buildInstruction(
  logical: LogicalText,
  from: number,
  escapeChar: string,
  sink: PositionSink,
  isTrigger = false,
): Instruction {
  const text = logical.text;
  const keywordStart = skipSpaces(text, from);
  let keywordEnd = keywordStart;
  while (keywordEnd < text.length && !/\s/.test(text[keywordEnd]!)) keywordEnd++;
  const keywordRaw = text.slice(keywordStart, keywordEnd);
  const keyword = keywordRaw.toUpperCase();
  const argsStart = skipSpaces(text, keywordEnd);
  const textEnd = text.length;
  const problems: SyntaxProblem[] = [];
  const keywordRange = logical.range(keywordStart, keywordEnd);
  const instruction: Instruction = {
    kind: 'instruction',
    keyword,
    keywordRaw,
    keywordRange,
    range: logical.range(keywordStart, textEnd),
    argsText: text.slice(argsStart),
    argsRange: argsStart < textEnd ? logical.range(argsStart, textEnd) : undefined,
    flags: [],
    args: [],
    rest: undefined,
    exec: undefined,
    heredocs: [],
    trivia: [],
    variables: [],
    problems,
    // Every instruction gets every field, so all share one object shape: loops over thousands
    // of instructions on each edit stay fast when property reads see a single shape.
    image: undefined,
    asKeyword: undefined,
    stageName: undefined,
    pairs: undefined,
    ports: undefined,
    sources: undefined,
    destination: undefined,
    healthcheckMode: undefined,
    trigger: undefined,
  };
  if (!isKeyword(keyword)) {
    problems.push({
      code: 'unknown-instruction',
      message: { en: `Unknown instruction: ${keywordRaw}.`, ko: `알 수 없는 명령어입니다: ${keywordRaw}.` },
      range: keywordRange,
    });
    return instruction;
  }
  // `ONBUILD ONBUILD ...` is an error (reported on the outer ONBUILD); reading the inner one's
  // trigger would recurse once per word.
  if (isTrigger && keyword === 'ONBUILD') return instruction;
  readArguments(instruction, { logical, escape: escapeChar, problems }, argsStart, textEnd, (start) =>
    buildInstruction(logical, start, escapeChar, sink, true),
  );
  if (HEREDOC_KEYWORDS.has(keyword) && instruction.argsText.includes('<<') && !instruction.exec) {
    instruction.heredocs = findHeredocs(logical, argsStart);
  }
  for (const span of scanVariables(text, argsStart, textEnd, escapeChar, !instruction.exec)) {
    instruction.variables.push({
      name: span.name,
      range: logical.range(span.start, span.end),
      nameRange: logical.range(span.nameStart, span.nameEnd),
      braced: span.braced,
      modifier: span.modifier,
      modifierWord: span.modifierWord,
      malformed: span.malformed,
      inHeredoc: false,
    });
    if (span.nestedTooDeep) {
      problems.push({
        code: 'nesting-too-deep',
        message: {
          en:
            `Variable references are nested more than ${MAX_VARIABLE_NESTING} levels deep; ` +
            'Layerwise does not read the deeper ones.',
          ko: `변수 참조가 ${MAX_VARIABLE_NESTING}단계보다 깊게 중첩되어 있습니다. Layerwise는 그보다 깊은 참조를 읽지 않습니다.`,
        },
        range: logical.range(span.start, span.end),
      });
    } else if (span.malformed) {
      const reason = malformedText(span.malformed);
      problems.push({
        code: 'bad-substitution',
        message: { en: `Bad substitution: ${reason.en}.`, ko: `변수 치환이 잘못되었습니다: ${reason.ko}.` },
        range: logical.range(span.start, span.end),
      });
    }
  }
  return instruction;
}

function findHeredocs(logical: LogicalText, from: number): Heredoc[] {
  const text = logical.text;
  const heredocs: Heredoc[] = [];
  for (const span of splitShellWords(text, '\\', from).words) {
    const match = HEREDOC_WORD.exec(text.slice(span.start, span.end));
    if (!match || match[3] === '') continue;
    const rawName = match[3]!;
    const name = unquote(rawName, '\\');
    if (name === '') continue;
    const nameStart = span.end - rawName.length;
    heredocs.push({
      name,
      range: logical.range(span.start, span.end),
      nameRange: logical.range(nameStart, span.end),
      chomp: match[2] === '-',
      expand: !/['"]/.test(rawName),
      content: '',
      strippedTabs: [],
      bodyRange: undefined,
      terminatorRange: undefined,
      terminated: false,
    });
  }
  return heredocs;
}

/** Reads each heredoc's body after the instruction's last line; returns the last line consumed. */
function readHeredocBodies(instruction: Instruction, reader: ItemReader, lastLine: number, sink: PositionSink): number {
  const { lines } = reader;
  let line = lastLine;
  for (const heredoc of instruction.heredocs) {
    const bodyStart = line + 1;
    let content = '';
    for (line = bodyStart; line < lines.length; line++) {
      const raw = lines[line]!;
      const candidate = heredoc.chomp ? raw.replace(/^\t+/, '') : raw;
      if (candidate === heredoc.name) {
        heredoc.terminated = true;
        heredoc.terminatorRange = sink.range(line, 0, line, raw.length);
        break;
      }
      content += `${candidate}\n`;
      heredoc.strippedTabs.push(raw.length - candidate.length);
      if (heredoc.expand) scanHeredocLine(instruction, raw, line, sink);
    }
    const bodyEnd = Math.min(line, lines.length) - 1;
    if (bodyEnd >= bodyStart) heredoc.bodyRange = sink.range(bodyStart, 0, bodyEnd, lines[bodyEnd]!.length);
    heredoc.content = content;
    if (!heredoc.terminated) {
      instruction.problems.push({
        code: 'unterminated-heredoc',
        message: {
          en: `The heredoc ${heredoc.name} is never closed: add a line containing only ${heredoc.name}.`,
          ko: `heredoc이 닫히지 않았습니다. ${heredoc.name}만 있는 줄을 추가해 닫으세요.`,
        },
        range: heredoc.range,
      });
      return lines.length - 1;
    }
  }
  return line;
}

function scanHeredocLine(instruction: Instruction, raw: string, line: number, sink: PositionSink): void {
  for (const span of scanVariables(raw, 0, raw.length, '\\', instruction.keyword === 'RUN')) {
    instruction.variables.push({
      name: span.name,
      range: sink.range(line, span.start, line, span.end),
      nameRange: sink.range(line, span.nameStart, line, span.nameEnd),
      braced: span.braced,
      modifier: span.modifier,
      modifierWord: span.modifierWord,
      malformed: span.malformed,
      inHeredoc: true,
    });
  }
}
