// Semantic tokens (full and range): keywords, flags and their values, variables (declared,
// used, read-only when predefined), stage names, image names, strings, numbers, comments and
// parser directives. Tokens never overlap: a variable inside a string splits the string.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { DockerfileModel } from '../../../core/src/model';
import { predefinedArg } from '../../../core/src/model';
import { instructionSpec, type Instruction, type Range } from '../../../core/src/parser';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import { itemsInLines, withTrigger } from '../../../core/src/engine/instructionAt';
import { navigationIndex } from './navigation/navigationIndex';
import { stageMentions } from './stageReferences';

const TOKEN_TYPES = [
  'keyword',
  'parameter',
  'enumMember',
  'variable',
  'namespace',
  'type',
  'string',
  'number',
  'comment',
  'macro',
  'property',
] as const;
const TOKEN_MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;
type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

interface Token {
  line: number;
  start: number;
  end: number;
  type: TokenType;
  modifiers: number;
  /** Higher wins where tokens overlap (a variable inside a string). */
  priority: number;
}

/** Whether the instruction's text, unless JSON, goes to a shell, where quotes make strings. */
const hasShellForm = (keyword: string): boolean => instructionSpec(keyword)?.plainForm === 'shell';

const modifierBits = (modifiers: readonly TokenModifier[]): number =>
  modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);

class TokenSink {
  readonly tokens: Token[] = [];

  /** Single-line ranges only: a word broken by a line continuation gets no token. */
  add(range: Range | undefined, type: TokenType, modifiers: readonly TokenModifier[] = [], priority = 0): void {
    if (!range || range.start.line !== range.end.line || range.end.character <= range.start.character) return;
    this.tokens.push({
      line: range.start.line,
      start: range.start.character,
      end: range.end.character,
      type,
      modifiers: modifierBits(modifiers),
      priority,
    });
  }
}

export function semanticTokens(
  document: AnalysedDocument,
  range?: { start: { line: number }; end: { line: number } },
): SemanticTokens {
  const { tree, model, lines } = document;
  const fromLine = range?.start.line ?? 0;
  const toLine = range?.end.line ?? lines.length - 1;
  const sink = new TokenSink();
  const data: number[] = [];
  const position = { line: 0, character: 0 };
  // Items come in source order, so sorting each item's few tokens keeps the whole list sorted.
  for (const item of itemsInLines(tree, fromLine, toLine)) {
    sink.tokens.length = 0;
    if (item.kind === 'directive') {
      sink.add(item.nameRange, 'macro');
      sink.add(item.valueRange, 'string');
    } else if (item.kind === 'comment') sink.add(item.range, 'comment');
    else instructionTokens(model, lines, item, sink);
    const inRange = range ? sink.tokens.filter((t) => t.line >= fromLine && t.line <= toLine) : sink.tokens;
    encode(resolveOverlaps(inRange), data, position);
  }
  return { data };
}

function instructionTokens(
  model: DockerfileModel,
  lines: readonly string[],
  instruction: Instruction,
  sink: TokenSink,
): void {
  for (const trivia of instruction.trivia) if (trivia.kind === 'comment') sink.add(trivia.range, 'comment');
  for (const part of withTrigger(instruction)) {
    sink.add(part.keywordRange, 'keyword');
    for (const flag of part.flags) {
      sink.add({ start: flag.range.start, end: flag.nameRange.end }, 'parameter');
      sink.add(flag.valueRange, 'enumMember');
    }
    sink.add(part.asKeyword?.range, 'keyword');
    sink.add(part.healthcheckMode?.range, 'keyword');
    for (const port of part.ports ?? []) sink.add(port.port.range, 'number');
    for (const json of part.exec?.strings ?? []) sink.add(json.range, 'string');
    for (const pair of part.pairs ?? []) {
      if (part.keyword === 'LABEL') sink.add(pair.key.range, 'property');
      if (pair.value && /^["']/.test(pair.value.raw)) sink.add(pair.value.range, 'string');
    }
    if (
      part.rest &&
      !part.exec &&
      hasShellForm(part.keyword) &&
      part.rest.range.start.line === part.rest.range.end.line
    )
      shellStrings(lines, part.rest.range, sink);
  }
  if (instruction.keyword === 'FROM' && instruction.image) {
    const mentionsStage = model.stageOf(instruction)?.baseStage !== undefined;
    if (!mentionsStage && instruction.image.raw.toLowerCase() !== 'scratch') sink.add(instruction.image.range, 'type');
  }
  for (const mention of stageMentions(model, lines, instruction))
    sink.add(mention.range, 'namespace', mention.kind === 'declaration' ? ['declaration'] : [], 2);
  variableTokens(model, lines, instruction, sink);
}

function variableTokens(
  model: DockerfileModel,
  lines: readonly string[],
  instruction: Instruction,
  sink: TokenSink,
): void {
  const { variables } = navigationIndex(model, lines);
  if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
    for (const pair of instruction.pairs ?? []) {
      const predefined = instruction.keyword === 'ARG' && predefinedArg(pair.key.value) !== undefined;
      sink.add(
        pair.key.range,
        'variable',
        predefined ? ['declaration', 'readonly', 'defaultLibrary'] : ['declaration'],
        1,
      );
    }
  }
  for (const reference of instruction.variables) {
    const definition = variables.atReference(reference)?.definition;
    const predefined = definition?.kind === 'predefined' || definition?.redeclares?.kind === 'predefined';
    const modifiers: TokenModifier[] = predefined ? ['readonly', 'defaultLibrary'] : [];
    // `$NAME` / `${NAME`, then the closing brace; a default value in between keeps its own tokens.
    sink.add({ start: reference.range.start, end: reference.nameRange.end }, 'variable', modifiers, 3);
    if (reference.braced && !reference.malformed) {
      const end = reference.range.end;
      sink.add({ start: { line: end.line, character: end.character - 1 }, end }, 'variable', modifiers, 3);
    }
  }
}

/** Quoted strings in a one-line shell command. */
function shellStrings(lines: readonly string[], range: Range, sink: TokenSink): void {
  const text = lines[range.start.line] ?? '';
  const line = range.start.line;
  for (let i = range.start.character; i < range.end.character; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch !== '"' && ch !== "'") continue;
    let close = i + 1;
    while (close < range.end.character && text[close] !== ch) close += ch === '"' && text[close] === '\\' ? 2 : 1;
    const end = Math.min(close + 1, range.end.character);
    sink.add({ start: { line, character: i }, end: { line, character: end } }, 'string');
    i = end - 1;
  }
}

/** Higher-priority tokens cut lower-priority ones; the result is sorted and disjoint. */
function resolveOverlaps(tokens: Token[]): Token[] {
  tokens.sort((a, b) => a.line - b.line || a.start - b.start || b.priority - a.priority);
  const result: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let lineEnd = tokens[i]!.end;
    // A cluster: tokens on one line that overlap each other.
    while (j + 1 < tokens.length && tokens[j + 1]!.line === tokens[i]!.line && tokens[j + 1]!.start < lineEnd) {
      j++;
      lineEnd = Math.max(lineEnd, tokens[j]!.end);
    }
    result.push(...(i === j ? [tokens[i]!] : paint(tokens.slice(i, j + 1))));
    i = j + 1;
  }
  return result;
}

function paint(cluster: Token[]): Token[] {
  const byPriority = [...cluster].sort((a, b) => b.priority - a.priority);
  const taken: Token[] = [];
  for (const token of byPriority) {
    let pieces: Token[] = [token];
    for (const owner of taken) {
      pieces = pieces.flatMap((piece) => {
        if (owner.end <= piece.start || owner.start >= piece.end) return [piece];
        const left = { ...piece, end: owner.start };
        const right = { ...piece, start: owner.end };
        return [left, right].filter((p) => p.end > p.start);
      });
    }
    taken.push(...pieces);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function encode(tokens: readonly Token[], data: number[], previous: { line: number; character: number }): void {
  for (const token of tokens) {
    const deltaLine = token.line - previous.line;
    data.push(
      deltaLine,
      deltaLine === 0 ? token.start - previous.character : token.start,
      token.end - token.start,
      TOKEN_TYPES.indexOf(token.type),
      token.modifiers,
    );
    previous.line = token.line;
    previous.character = token.start;
  }
}
