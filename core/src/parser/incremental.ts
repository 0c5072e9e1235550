// Re-parses only what an edit touched: items before the edit are kept as they are, items
// after it are moved by the line delta once the parser is back on an old item boundary.
import { assemble, makeReader, parseLines, readItem, shiftItem, splitLines } from './parser';
import type { Dockerfile, TopLevel } from './syntax';

export interface ParsedText {
  tree: Dockerfile;
  lines: readonly string[];
}

export function parseText(text: string): ParsedText {
  const lines = splitLines(text);
  return { tree: parseLines(lines), lines };
}

export function reparseText(previous: ParsedText, text: string): ParsedText {
  const lines = splitLines(text);
  return { tree: reparseLines(previous, lines), lines };
}

const endLine = (item: TopLevel): number => item.range.end.line;
const startLine = (item: TopLevel): number => item.range.start.line;

function reparseLines(previous: ParsedText, lines: readonly string[]): Dockerfile {
  const oldLines = previous.lines;
  const old = previous.tree;
  let firstChanged = 0;
  const common = Math.min(oldLines.length, lines.length);
  while (firstChanged < common && oldLines[firstChanged] === lines[firstChanged]) firstChanged++;
  if (firstChanged === oldLines.length && firstChanged === lines.length) return old;
  let suffix = 0;
  while (suffix < common - firstChanged && oldLines[oldLines.length - 1 - suffix] === lines[lines.length - 1 - suffix])
    suffix++;

  // Edits in the prologue (directives, or before the first instruction) can change the escape
  // character or what counts as a directive: parse everything again.
  const firstInstruction = old.instructions[0];
  if (!firstInstruction || firstChanged <= startLine(firstInstruction)) return parseLines(lines);

  const delta = lines.length - oldLines.length;
  const firstChangedItem = old.items.findIndex((item) => endLine(item) >= firstChanged);
  let resumeIndex = firstChangedItem < 0 ? old.items.length : firstChangedItem;
  // An instruction that ran to the old end of file (continuation or heredoc left open) may grow.
  const beforeResume = old.items[resumeIndex - 1];
  if (beforeResume?.kind === 'instruction' && endLine(beforeResume) >= oldLines.length - 1) resumeIndex--;
  const items: TopLevel[] = old.items.slice(0, resumeIndex);
  const resumeItem = old.items[resumeIndex];
  const lastKept = items[items.length - 1];
  let line = resumeItem ? Math.min(startLine(resumeItem), firstChanged) : lastKept ? endLine(lastKept) + 1 : 0;
  const reader = makeReader(lines, old.escapeChar);
  const changedEndInNew = lines.length - suffix;
  let oldIndex = resumeIndex;
  while (line < lines.length) {
    if (line >= changedEndInNew) {
      // Past the edit: if an old item boundary sits here, the rest is unchanged but for its lines.
      const oldLine = line - delta;
      while (oldIndex < old.items.length && startLine(old.items[oldIndex]!) < oldLine) oldIndex++;
      const previousOld = old.items[oldIndex - 1];
      if (oldIndex < old.items.length && (!previousOld || endLine(previousOld) < oldLine)) {
        for (let i = oldIndex; i < old.items.length; i++) {
          const item = old.items[i]!;
          if (delta !== 0) shiftItem(item, delta);
          items.push(item);
        }
        break;
      }
      if (oldIndex >= old.items.length && (!previousOld || endLine(previousOld) < oldLine)) break;
    }
    const { item, nextLine } = readItem(reader, line);
    if (item) items.push(item);
    line = nextLine;
  }
  return assemble(old.escapeChar, old.directives, old.problems, items, lines.length);
}
