// What every hover helper returns: Markdown and the range it describes.
import type { Range } from '../../../../core/src/parser';

export interface HoverResult {
  markdown: string;
  range: Range;
}
