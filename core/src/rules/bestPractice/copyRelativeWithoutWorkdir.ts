import type { Finding, StageRule } from '../rule';
import { BEST_PRACTICES } from './support';

/** Absolute on Linux or Windows, or left to a variable we cannot see. */
const NOT_RELATIVE = /^([/\\$~]|[A-Za-z]:)/;

/** Carries whether a WORKDIR is set by the end of the stage. */
export const copyRelativeWithoutWorkdir: StageRule<boolean> = {
  scope: 'stage',
  initial: false,
  code: 'CopyRelativeWithoutWorkdir',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#workdir`,
  description: {
    en: 'A relative COPY or ADD destination is resolved against the WORKDIR; without one in the stage it depends on whatever the base image set.',
    ko: 'COPY·ADD의 상대 경로 대상은 WORKDIR 기준으로 풀립니다. 스테이지에 WORKDIR가 없으면 베이스 이미지가 정한 값에 따라 달라집니다.',
  },
  check({ stage, inherited }) {
    const findings: Finding[] = [];
    let workdir = inherited;
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'WORKDIR') workdir = true;
      if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || workdir) continue;
      const destination = instruction.destination;
      if (!destination || NOT_RELATIVE.test(destination.value)) continue;
      findings.push({
        range: destination.range,
        message: {
          en: `${destination.value} is relative, and no WORKDIR is set in this stage, so where the files land depends on the base image. Add a WORKDIR before this ${instruction.keyword} or use an absolute path.`,
          ko: `${destination.value}는 상대 경로인데 이 스테이지에 WORKDIR가 없어, 파일 위치가 베이스 이미지에 따라 달라집니다. 이 ${instruction.keyword} 앞에 WORKDIR를 두거나 절대 경로를 쓰세요.`,
        },
      });
    }
    return { findings, carry: workdir };
  },
};
