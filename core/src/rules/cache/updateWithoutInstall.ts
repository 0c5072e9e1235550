// A package index refreshed alone in a RUN. `apt-get update` and `apk update`: the layer keeps
// the index of the day it was built, and later installs in other RUNs read that stale index.
// `dnf makecache` and `zypper refresh`: those tools refresh expired metadata themselves when
// they install, so the layer only freezes a metadata cache into the image.
import { commandName, runFacts, type SimpleCommand, type SystemPackageManager } from '../../cache';
import type { Instruction } from '../../parser';
import { defineMessages } from '../messages';
import type { Finding, Fix, StageRule } from '../rule';
import { commandLabel, firstLineRange } from './instructionEdits';

/** The install subcommand of each manager, to name it in messages. */
const INSTALL: Record<SystemPackageManager, string> = { apt: 'install', apk: 'add', rpm: 'install', zypper: 'install' };

const messages = defineMessages({
  metadataFrozen: {
    en: ({ update, install }: { update: string; install: string }) =>
      `\`${update}\` runs in a RUN that installs nothing. \`${install}\` refreshes expired metadata by itself, so ` +
      `this layer only freezes a metadata cache into the image, and it stays as old as the first build. Drop it, ` +
      `or refresh in the RUN that installs and clean the cache there.`,
    ko: ({ update, install }) =>
      `\`${update}\`을(를) 아무것도 설치하지 않는 RUN에서 실행합니다. \`${install}\`은(는) 만료된 메타데이터를 스스로 갱신하므로, 이 레이어는 처음 빌드한 날의 메타데이터 ` +
      `캐시를 이미지에 남길 뿐입니다. 지우거나, 설치하는 RUN에서 갱신하고 캐시도 그 RUN에서 정리하세요.`,
  },
  staleIndex: {
    en: ({ update, install }: { update: string; install: string }) =>
      `\`${update}\` runs in a RUN that installs nothing. Its layer stays cached with the index of the day it was ` +
      `built, so a later \`${install}\` you add or change reads a stale index: old versions, or download errors ` +
      `once the mirror has moved on. Update and install in the same RUN.`,
    ko: ({ update, install }) =>
      `\`${update}\`을(를) 아무것도 설치하지 않는 RUN에서 실행합니다. 이 레이어는 빌드한 날의 인덱스를 그대로 캐시하므로, 나중에 추가하거나 바꾼 \`${install}\`은(는) ` +
      `낡은 인덱스를 읽어 오래된 버전을 설치하거나 미러가 바뀐 뒤에는 다운로드에 실패합니다. 갱신과 설치를 같은 RUN에서 하세요.`,
  },
  merge: {
    en: () => 'Merge with the install below',
    ko: () => '아래의 설치와 합치기',
  },
});

function message(command: SimpleCommand, manager: SystemPackageManager): Finding['message'] {
  const update = commandLabel(command);
  const install = `${commandName(command)} ${INSTALL[manager]}`;
  return manager === 'rpm' || manager === 'zypper'
    ? messages.metadataFrozen({ update, install })
    : messages.staleIndex({ update, install });
}

export const updateWithoutInstall: StageRule = {
  code: 'UpdateWithoutInstall',
  severity: 'info',
  scope: 'stage',
  messages,
  docs: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  description: {
    en:
      'The package index is updated in a RUN that installs nothing: ' +
      'its cached layer goes stale and later installs use an old index.',
    ko: '아무것도 설치하지 않는 RUN에서 패키지 인덱스를 갱신해, 캐시된 레이어가 오래되면 이후 설치가 낡은 인덱스를 씁니다.',
  },
  category: 'cache',
  equivalents: [{ tool: 'droast', id: 'DF028', note: 'apt-get only, and only when a later RUN installs' }],
  examples: {
    invalid: [
      { dockerfile: 'FROM debian\nRUN apt-get update\n\nRUN apt-get install -y curl \\\n    git\n', range: '1:0-1:18' },
    ],
    valid: [
      'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      'FROM debian\nRUN apt-get update && apt-get -y upgrade\n',
    ],
  },
  check(stage, { facts: file, lines }): Finding[] {
    const findings: Finding[] = [];
    stage.instructions.forEach((instruction, index) => {
      if (instruction.keyword !== 'RUN') return;
      const facts = runFacts(instruction);
      const reported = new Set<SystemPackageManager>();
      for (const { command, manager } of facts.indexUpdates) {
        if (reported.has(manager) || facts.indexUses.includes(manager)) continue;
        reported.add(manager);
        const next = stage.instructions[index + 1];
        const fix = next ? mergeFix(instruction, next, manager, file.escapeChar, lines) : undefined;
        findings.push({
          range: firstLineRange(instruction, lines),
          instruction,
          message: message(command, manager),
          fixes: fix ? [fix] : undefined,
        });
      }
    });
    return findings;
  },
};

/** Joins the next RUN (which installs) onto this one with `&&`, when both are plain shell form. */
function mergeFix(
  update: Instruction,
  next: Instruction,
  manager: SystemPackageManager,
  escape: string,
  lines: readonly string[],
): Fix | undefined {
  if (next.keyword !== 'RUN' || !runFacts(next).indexUses.includes(manager)) return undefined;
  if (
    update.exec ||
    next.exec ||
    update.heredocs.length > 0 ||
    next.heredocs.length > 0 ||
    next.flags.length > 0 ||
    !next.rest ||
    !update.rest
  )
    return undefined;
  if (/[;&|]\s*$/.test(update.rest.value)) return undefined;
  // Only blank lines may sit between them: comments would be lost.
  for (let line = update.range.end.line + 1; line < next.range.start.line; line++)
    if ((lines[line] ?? '').trim() !== '') return undefined;
  return {
    title: messages.merge(),
    edits: [{ range: { start: update.range.end, end: next.rest.range.start }, newText: ` ${escape}\n    && ` }],
  };
}
