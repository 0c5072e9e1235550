// FROM <image> must be a valid image reference (distribution grammar) unless it names an
// earlier stage. Checked when the reference has no variables, so the value is certain.
import { imageReferenceProblem } from '../imageReference';
import type { StageRule } from '../rule';
import { hasVariable, referenceDocs, text } from '../support';

export const invalidImageReference: StageRule = {
  code: 'invalid-image-reference',
  kind: 'builder-error',
  scope: 'stage',
  severity: 'error',
  docs: referenceDocs('from'),
  description: text(
    'FROM names an image with an invalid reference format.',
    'FROM의 이미지 참조 형식이 올바르지 않습니다.',
  ),
  check({ stage }) {
    const image = stage.from.image;
    if (!image || stage.baseStage || hasVariable(image.raw)) return [];
    const problem = imageReferenceProblem(image.raw);
    if (!problem) return [];
    return [
      {
        range: image.range,
        message: text(
          `"${image.raw}" is not a valid image reference: ${problem}.`,
          `"${image.raw}"는 올바른 이미지 참조가 아닙니다: ${problem}.`,
        ),
      },
    ];
  },
};
