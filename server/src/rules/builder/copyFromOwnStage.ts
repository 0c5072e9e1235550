// COPY --from naming the stage it is in: the stage would depend on itself.
import type { DocumentRule, Finding } from '../rule';
import { hasVariable, referenceDocs, text } from '../support';

export const copyFromOwnStage: DocumentRule = {
  code: 'copy-from-own-stage',
  kind: 'builder-error',
  scope: 'document',
  severity: 'error',
  docs: referenceDocs('copy---from'),
  description: text('COPY --from names the stage it is in.', 'COPY --from이 자기 자신이 속한 스테이지를 가리킵니다.'),
  check({ tree, model }) {
    const findings: Finding[] = [];
    for (const instruction of tree.instructions) {
      if (instruction.keyword !== 'COPY') continue;
      const from = instruction.flags.find((flag) => flag.name === 'from');
      if (!from?.value || hasVariable(from.value)) continue;
      const own = model.stageOf(instruction);
      if (own && model.findStage(from.value) === own) {
        findings.push({
          range: from.valueRange ?? from.range,
          message: text(
            `--from=${from.value} is the stage this COPY is in: a stage cannot copy from itself. Name an earlier stage or an image.`,
            `--from=${from.value}는 이 COPY가 들어 있는 스테이지입니다. 스테이지는 자기 자신에게서 복사할 수 없으니 앞선 스테이지나 이미지를 지정합니다.`,
          ),
        });
      }
    }
    return findings;
  },
};
