// FROM <image> must be a valid image reference (distribution grammar) unless it names an
// earlier stage. Checked when the reference has no variables, so the value is certain.
import { processWord } from '../../parser';
import { imageReferenceProblem } from '../imageReference';
import type { StageRule } from '../rule';
import { referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  invalid: {
    en: (p: { reference: string; problem: string }) => `"${p.reference}" is not a valid image reference: ${p.problem}.`,
    ko: (p) => `"${p.reference}"는 올바른 이미지 참조가 아닙니다: ${p.problem}.`,
  },
});

export const invalidImageReference: StageRule = {
  code: 'invalid-image-reference',
  kind: 'builder-error',
  scope: 'stage',
  messages,
  severity: 'error',
  docs: referenceDocs('from'),
  description: text(
    'FROM names an image with an invalid reference format.',
    'FROM의 이미지 참조 형식이 올바르지 않습니다.',
  ),
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine:3.20:x\n', range: '0:5-0:18' }],
    valid: [
      'FROM registry.example.com:5000/team/app:1.0@sha256:' +
        '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
      'FROM "alpine:3.20"\n',
    ],
  },
  check(stage, model) {
    if (!stage.from.image || stage.baseStage) return [];
    // The builder reads the name with quotes and escapes removed.
    const image = processWord(stage.from.image, model.facts.escapeChar, false);
    if (image.hasVariable || image.unterminated) return [];
    const problem = imageReferenceProblem(image.value);
    if (!problem) return [];
    return [
      {
        range: image.range,
        message: messages.invalid({ reference: image.value, problem }),
      },
    ];
  },
};
