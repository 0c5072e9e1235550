import type { Finding, Fix } from '../rule';
import type { Instruction } from '../../parser';
import { aptGetCalls } from './aptGet';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, callRange, cleansFolder, hasCacheMountOn, startsAfter } from './support';
import { defineMessages } from '../messages';

const LISTS = '/var/lib/apt/lists';

const messages = defineMessages({
  listsStay: {
    en: () =>
      'The package lists from apt-get update stay in this layer (tens of MB). End the RUN with && rm -rf ' +
      '/var/lib/apt/lists/*.',
    ko: () =>
      'apt-get update로 받은 패키지 목록(수십 MB)이 이 레이어에 남습니다. RUN 끝에 && rm -rf /var/lib/apt/lists/*를 붙이세요.',
  },
});

export const aptListsNotCleaned = shellRunRule(
  {
    code: 'AptListsNotCleaned',
    messages,
    severity: 'info',
    docs: `${BEST_PRACTICES}#apt-get`,
    description: {
      en:
        'apt-get update (like apt and aptitude update) downloads package lists into /var/lib/apt/lists; ' +
        'remove them later in the same RUN or they stay in the layer.',
      ko:
        'apt-get update(apt, aptitude update도 마찬가지)는 /var/lib/apt/lists에 패키지 목록을 ' +
        '내려받습니다. 같은 RUN에서 그 뒤에 지우지 않으면 레이어에 그대로 남습니다.',
    },
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3009' },
      { tool: 'droast', id: 'DF004', note: 'also covers the yum, dnf and apk caches' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', range: '1:4-1:18' },
        {
          dockerfile: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl\n',
          range: '1:35-1:49',
        },
      ],
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:12\nONBUILD RUN aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*\n',
      ],
    },
  },
  (instruction): Finding[] => {
    if (hasCacheMountOn(instruction, LISTS)) return [];
    // The last update decides: lists removed before it are downloaded again. `apt-get dist-clean`
    // (apt 3) removes the lists too.
    const updates = aptGetCalls(instruction, ['update'], APT_FRONTENDS);
    const last = updates[updates.length - 1];
    if (
      !last ||
      cleansFolder(instruction, LISTS, last.command) ||
      aptGetCalls(instruction, ['dist-clean'], APT_FRONTENDS).some((call) => startsAfter(call.command, last.command))
    )
      return [];
    const update = updates[0]!;
    const fix = appendCleanup(instruction);
    return [
      {
        range: callRange(update),
        message: messages.listsStay(),
        ...(fix ? { fixes: [fix] } : {}),
      },
    ];
  },
  { shippedOnly: true },
);

/** The front ends whose `update` downloads the lists into /var/lib/apt/lists. */
const APT_FRONTENDS = ['apt-get', 'apt', 'aptitude'];

/** Appends the cleanup to the command line, unless a heredoc or a trailing comment makes the end unclear. */
function appendCleanup(instruction: Instruction): Fix | undefined {
  const rest = instruction.rest;
  if (!rest || instruction.heredocs.length > 0 || rest.raw.includes('#') || /[;&|]\s*$/.test(rest.raw))
    return undefined;
  return {
    title: { en: 'Remove /var/lib/apt/lists at the end of the RUN', ko: 'RUN 끝에서 /var/lib/apt/lists 삭제' },
    edits: [{ range: { start: rest.range.end, end: rest.range.end }, newText: ' && rm -rf /var/lib/apt/lists/*' }],
  };
}
