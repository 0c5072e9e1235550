// Folding ranges: stages, instructions continued over several lines, heredoc bodies and
// blocks of consecutive comment lines.
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import { lastTextLine } from '../../../core/src/engine/instructionAt';

export function foldingRanges(document: AnalysedDocument): FoldingRange[] {
  const { tree, model } = document;
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  let commentStart: number | undefined;
  let commentEnd = -1;
  for (const item of tree.items) {
    if (item.kind === 'comment' && commentStart !== undefined && item.range.start.line === commentEnd + 1) {
      commentEnd = item.range.start.line;
      continue;
    }
    if (commentStart !== undefined) add(commentStart, commentEnd, FoldingRangeKind.Comment);
    commentStart = item.kind === 'comment' ? item.range.start.line : undefined;
    commentEnd = item.range.start.line;
  }
  if (commentStart !== undefined) add(commentStart, commentEnd, FoldingRangeKind.Comment);

  for (const stage of model.stages) add(stage.range.start.line, stage.range.end.line);
  for (const instruction of tree.instructions) {
    add(instruction.range.start.line, lastTextLine(instruction));
    // A body folds from the line that opens it (the instruction line, or the previous
    // heredoc's terminator) to its last line; the terminator stays visible.
    for (const heredoc of instruction.heredocs)
      if (heredoc.bodyRange) add(heredoc.bodyRange.start.line - 1, heredoc.bodyRange.end.line);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
