// COPY --from naming the stage it is in: the stage would depend on itself.
import type { Finding, StageRule } from '../rule';
import type { BuildStage } from '../../model';
import { hasVariable, referenceDocs, text } from '../support';

export const copyFromOwnStage: StageRule = {
  code: 'copy-from-own-stage',
  kind: 'builder-error',
  scope: 'stage',
  severity: 'error',
  docs: referenceDocs('copy---from'),
  description: text('COPY --from names the stage it is in.', 'COPY --from이 자기 자신이 속한 스테이지를 가리킵니다.'),
  check({ stage }) {
    const findings: Finding[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'COPY') continue;
      const from = instruction.flags.find((flag) => flag.name === 'from');
      if (!from?.value || hasVariable(from.value)) continue;
      if (namesStage(from.value, stage)) {
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

/** `--from` names a stage by name (case-insensitive) or by index, as the builder resolves it. */
function namesStage(value: string, stage: BuildStage): boolean {
  return value.toLowerCase() === stage.name || (/^\d+$/.test(value) && Number(value) === stage.index);
}
