// BuildKit check DuplicateStageName: two stages with the same name (compared lowercased).
import type { DocumentRule, Finding } from '../rule';
import { buildCheckDocs, text } from '../support';

export const DuplicateStageName: DocumentRule = {
  code: 'DuplicateStageName',
  kind: 'build-check',
  scope: 'document',
  severity: 'warning',
  docs: buildCheckDocs('duplicate-stage-name'),
  description: text('Stage names should be unique.', '스테이지 이름은 겹치지 않아야 합니다.'),
  check({ stages }) {
    const seen = new Map<string, number>();
    const findings: Finding[] = [];
    for (const stage of stages) {
      const name = stage.from.stageName;
      if (!stage.name || !name) continue;
      const earlier = seen.get(stage.name);
      if (earlier !== undefined) {
        findings.push({
          range: name.range,
          message: text(
            `The stage name "${stage.name}" is already used on line ${earlier + 1}; give each stage its own name.`,
            `스테이지 이름 "${stage.name}"는 ${earlier + 1}번째 줄에서 이미 쓰였습니다. 스테이지마다 다른 이름을 붙입니다.`,
          ),
        });
      } else seen.set(stage.name, name.range.start.line);
    }
    return findings;
  },
};
