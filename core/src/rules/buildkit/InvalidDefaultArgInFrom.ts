// BuildKit check InvalidDefaultArgInFrom: with no --build-arg given, the ARG defaults make the
// FROM image empty or invalid (e.g. `ARG TAG` without default, then `FROM alpine:$TAG`).
import { expandValue, predefinedArg } from '../../model';
import { imageReferenceProblem } from '../imageReference';
import type { StageRule } from '../rule';
import { buildCheckDocs, hasVariable, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  emptyName: {
    en: (p: { image: string }) =>
      `With the ARG defaults, ${p.image} becomes an empty name, which is not a valid image; give the ARG a default ` +
      `that makes a valid reference.`,
    ko: (p) =>
      `ARG 기본값으로는 ${p.image}가 빈 이름이 되어 올바른 이미지가 아닙니다. 올바른 참조가 되도록 ARG에 기본값을 줍니다.`,
  },
  invalidResult: {
    en: (p: { image: string; result: string }) =>
      `With the ARG defaults, ${p.image} becomes "${p.result}", which is not a valid image; give the ARG a default ` +
      `that makes a valid reference.`,
    ko: (p) =>
      `ARG 기본값으로는 ${p.image}가 "${p.result}"이 되어 올바른 이미지가 아닙니다. 올바른 참조가 되도록 ARG에 기본값을 줍니다.`,
  },
});

export const InvalidDefaultArgInFrom: StageRule = {
  code: 'InvalidDefaultArgInFrom',
  kind: 'build-check',
  scope: 'stage',
  messages,
  severity: 'warning',
  docs: buildCheckDocs('invalid-default-arg-in-from'),
  description: text(
    'The default values of global ARGs give FROM an empty or invalid image.',
    '전역 ARG의 기본값으로는 FROM 이미지가 비거나 올바르지 않게 됩니다.',
  ),
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'InvalidDefaultArgInFrom' }],
  examples: {
    invalid: [{ dockerfile: 'ARG TAG\nFROM alpine:${TAG}\n', range: '1:5-1:18' }],
    valid: ['ARG TAG=3.20\nFROM alpine:${TAG}\n'],
  },
  check(stage, { facts }) {
    const image = stage.from.image;
    // A FROM that names an earlier stage is not an image reference.
    if (!image || !hasVariable(image.raw) || stage.baseStage) return [];
    const defaults = new Map<string, string | undefined>();
    for (const definition of facts.globalArgs)
      defaults.set(definition.name, definition.pair?.value ? definition.value : '');
    // Undefined (a default that depends on something unknown) makes the whole result unknown.
    const lookup = (name: string): string | undefined => {
      if (defaults.has(name)) return defaults.get(name);
      return predefinedArg(name)?.kind === 'platform' ? predefinedArg(name)!.example : '';
    };
    const result = expandValue(image.raw, lookup, facts.escapeChar);
    if (result === undefined || !imageReferenceProblem(result)) return [];
    return [
      {
        range: image.range,
        message:
          result === ''
            ? messages.emptyName({ image: image.raw })
            : messages.invalidResult({ image: image.raw, result }),
      },
    ];
  },
};
