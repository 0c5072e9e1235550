import type { InstructionRule } from '../rule';
import { runShell } from '../../shell';
import { aptGetCalls } from './aptGet';
import { BEST_PRACTICES, callRange } from './support';

/** Commands that do nothing to the package lists' usefulness. */
const HARMLESS = new Set(['set', 'echo', 'true', ':', 'printf']);

export const aptGetUpdateInOwnRun: InstructionRule = {
  scope: 'instruction',
  code: 'AptGetUpdateInOwnRun',
  severity: 'warning',
  docs: `${BEST_PRACTICES}#apt-get`,
  description: {
    en: 'A RUN that only runs apt-get update is cached on its own, so later installs may use stale package lists.',
    ko: 'apt-get update만 하는 RUN은 따로 캐시되어, 나중의 설치가 오래된 패키지 목록을 쓰게 될 수 있습니다.',
  },
  check(instruction) {
    const shell = runShell(instruction);
    if (!shell || shell.error) return [];
    const updates = aptGetCalls(instruction, ['update'], ['apt-get', 'apt']);
    const [first] = updates;
    if (!first) return [];
    const updateCommands = new Set(updates.map((call) => call.command));
    const alone = shell.commands.every((command) => updateCommands.has(command) || (command.program !== undefined && HARMLESS.has(command.program)));
    if (!alone) return [];
    return [{
      range: callRange(first),
      message: {
        en: 'This RUN only updates the package lists. Its layer is reused from cache while a later RUN changes, so that install can fetch outdated versions or fail. Run apt-get update && apt-get install in the same RUN.',
        ko: '이 RUN은 패키지 목록만 갱신합니다. 뒤의 RUN이 바뀌어도 이 레이어는 캐시에서 재사용되어 설치가 오래된 버전을 받거나 실패할 수 있습니다. apt-get update && apt-get install을 한 RUN에서 실행하세요.',
      },
    }];
  },
};
