// Where the cursor is, in terms completion cares about: what kind of thing can be typed here
// and which text a chosen item replaces.
import type { Dockerfile, Flag, Instruction, Position, Range } from '../../../../core/src/parser';
import { instructionAt, lastInstructionIndexAtOrBefore } from '../../../../core/src/engine/instructionAt';
import { comparePositions, rangeContains } from '../lspRange';

export type CursorContext =
  | { kind: 'directive'; text: string; textStart: number }
  | { kind: 'keyword'; afterFrom: boolean; inDirectiveBlock: boolean; hasArguments: boolean; replace: Range }
  | { kind: 'trigger'; replace: Range }
  | { kind: 'flagName'; instruction: Instruction; replace: Range }
  | {
      kind: 'flagValue';
      instruction: Instruction;
      flag: string;
      value: string;
      replace: Range;
      /** The flag under the cursor as parsed, with the cursor (a `--mount` value is completed from its fields). */
      parsed: { flag: Flag; position: Position } | undefined;
    }
  | { kind: 'variable'; instruction: Instruction; scopeOwner: Instruction; braced: boolean; replace: Range }
  | { kind: 'argument'; instruction: Instruction; index: number; token: string; replace: Range }
  | { kind: 'none' };

const NONE: CursorContext = { kind: 'none' };
const lineRange = (line: number, start: number, end: number): Range => ({
  start: { line, character: start },
  end: { line, character: end },
});

export function cursorContext(tree: Dockerfile, lines: readonly string[], position: Position): CursorContext {
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const inDirectiveBlock = tree.directives.filter((d) => d.range.start.line < position.line).length === position.line;
  const outer = instructionAt(tree, position);

  if (!outer && before.trimStart().startsWith('#')) {
    if (!inDirectiveBlock) return NONE;
    const textStart = before.indexOf('#') + 1;
    return { kind: 'directive', text: before.slice(textStart), textStart };
  }

  // The run of non-blanks ending at the cursor, found by scanning back (`search(/\S*$/)` retries
  // from every position and is quadratic on a long word followed by a blank).
  let tokenStart = before.length;
  while (tokenStart > 0 && !/\s/.test(before[tokenStart - 1]!)) tokenStart--;
  const token = before.slice(tokenStart);
  let tokenEnd = position.character;
  while (tokenEnd < line.length && /[\w.-]/.test(line[tokenEnd]!)) tokenEnd++;
  const replace = lineRange(position.line, tokenStart, tokenEnd);

  if (!outer || rangeContains(outer.keywordRange, position)) {
    // Instructions before the cursor: up to the one under it (excluded) or the last one above a blank line.
    const preceding = lastInstructionIndexAtOrBefore(tree, position.line) + (outer ? 0 : 1);
    const firstFrom = tree.instructions.findIndex((i) => i.keyword === 'FROM');
    const afterFrom = firstFrom >= 0 && firstFrom < preceding;
    return {
      kind: 'keyword',
      afterFrom,
      inDirectiveBlock: inDirectiveBlock && !outer,
      hasArguments: outer?.argsRange !== undefined,
      replace: outer ? { ...outer.keywordRange } : replace,
    };
  }
  if (
    outer.heredocs.some(
      (h) => h.bodyRange && rangeContains(h.bodyRange, position) && position.line > outer.keywordRange.start.line,
    )
  )
    return NONE;

  let instruction = outer;
  if (outer.keyword === 'ONBUILD') {
    const trigger = outer.trigger;
    if (
      !trigger ||
      trigger.keyword === '' ||
      rangeContains(trigger.keywordRange, position) ||
      comparePositions(position, trigger.keywordRange.start) < 0
    ) {
      return { kind: 'trigger', replace };
    }
    instruction = trigger;
  }

  const variable = /\$(\{?)([A-Za-z0-9_]*)$/.exec(token);
  if (variable && !/\\\$/.test(token.slice(0, variable.index + 1))) {
    const nameStart = tokenStart + variable.index + 1 + variable[1]!.length;
    return {
      kind: 'variable',
      instruction,
      scopeOwner: outer,
      braced: variable[1] === '{',
      replace: lineRange(position.line, nameStart, tokenEnd),
    };
  }

  const tokenStartPosition = { line: position.line, character: tokenStart };
  const inFlagArea = !instruction.rest || comparePositions(instruction.rest.range.start, tokenStartPosition) >= 0;
  if (token.startsWith('--') && inFlagArea) {
    const equals = token.indexOf('=');
    if (equals < 0) return { kind: 'flagName', instruction, replace };
    const valueStart = tokenStart + equals + 1;
    const flag = instruction.flags.find((f) => rangeContains(f.range, position));
    return {
      kind: 'flagValue',
      instruction,
      flag: token.slice(2, equals).toLowerCase(),
      value: token.slice(equals + 1),
      replace: lineRange(position.line, valueStart, tokenEnd),
      parsed: flag && { flag, position },
    };
  }
  if (token.startsWith('-') && inFlagArea && token.length <= 2) return { kind: 'flagName', instruction, replace };

  const index = instruction.args.filter(
    (arg) =>
      comparePositions(arg.range.end, tokenStartPosition) < 0 &&
      comparePositions(arg.range.start, tokenStartPosition) < 0,
  ).length;
  return { kind: 'argument', instruction, index, token, replace };
}
