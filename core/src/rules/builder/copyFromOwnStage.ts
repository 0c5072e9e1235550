// COPY --from naming the stage it is in: the stage would depend on itself.
import type { Finding, StageRule } from '../rule';
import type { Stage } from '../../model';
import { hasVariable, referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  ownStage: {
    en: (p: { value: string }) =>
      `--from=${p.value} is the stage this COPY is in: a stage cannot copy from itself. Name an earlier stage or ` +
      `an image.`,
    ko: (p) =>
      `--from=${p.value}는 이 COPY가 들어 있는 스테이지입니다. 스테이지는 자기 자신에게서 복사할 수 없으니 앞선 스테이지나 이미지를 지정합니다.`,
  },
});

export const copyFromOwnStage: StageRule = {
  code: 'copy-from-own-stage',
  kind: 'builder-error',
  scope: 'stage',
  messages,
  severity: 'error',
  docs: referenceDocs('copy---from'),
  description: text('COPY --from names the stage it is in.', 'COPY --from이 자기 자신이 속한 스테이지를 가리킵니다.'),
  category: 'builder',
  equivalents: [
    { tool: 'hadolint', id: 'DL3023' },
    { tool: 'droast', id: 'DF050' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine AS build\nCOPY --from=build /a /b\n', range: '1:12-1:17' }],
    valid: ['FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /b\n'],
  },
  check(stage) {
    const findings: Finding[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'COPY') continue;
      const from = instruction.flags.find((flag) => flag.name === 'from');
      if (!from?.value || hasVariable(from.value)) continue;
      if (namesStage(from.value, stage)) {
        findings.push({
          range: from.valueRange ?? from.range,
          message: messages.ownStage({ value: from.value }),
        });
      }
    }
    return findings;
  },
};

/** `--from` names a stage by name (case-insensitive) or by index, as the builder resolves it. */
function namesStage(value: string, stage: Stage): boolean {
  return value.toLowerCase() === stage.name || (/^\d+$/.test(value) && Number(value) === stage.index);
}
