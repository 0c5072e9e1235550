// Finding which piece of a text an offset falls in, for the maps from offsets back to source
// positions (continuation pieces of an instruction, lines of a heredoc body, the parts of a RUN
// script). Binary search: a long instruction or heredoc has thousands of pieces and each of its
// positions is mapped, so a scan from the last piece would make mapping quadratic.

/**
 * The index of the piece holding `offset`, given the pieces' start offsets in ascending order
 * (the first piece holds everything before the second): the last piece starting at or before
 * the offset, or, for the end of a range (`isEnd`), the last one starting strictly before it,
 * so that an end on a boundary stays in the piece it ends.
 */
export function pieceAt(starts: readonly number[], offset: number, isEnd: boolean): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (isEnd ? starts[middle]! < offset : starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
