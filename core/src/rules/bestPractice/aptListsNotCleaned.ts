import type { Finding, Fix } from '../rule';
import type { Instruction } from '../../parser';
import { aptGetCalls } from './aptGet';
import { shippedRunRule } from './imageStages';
import { BEST_PRACTICES, callRange, cleansFolder, hasCacheMountOn } from './support';
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

export const aptListsNotCleaned = shippedRunRule(
  {
    code: 'AptListsNotCleaned',
    messages,
    severity: 'info',
    docs: `${BEST_PRACTICES}#apt-get`,
    description: {
      en: 'apt-get update downloads package lists into /var/lib/apt/lists; remove them in the same RUN or they stay in the layer.',
      ko: 'apt-get update는 /var/lib/apt/lists에 패키지 목록을 내려받습니다. 같은 RUN에서 지우지 않으면 레이어에 그대로 남습니다.',
    },
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3009' },
      { tool: 'droast', id: 'DF004', note: 'also covers the yum, dnf and apk caches' },
    ],
    examples: {
      invalid: [{ dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', range: '1:4-1:18' }],
      valid: ['FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'],
    },
  },
  (instruction): Finding[] => {
    // `apt-get dist-clean` (apt 3) removes the lists too.
    if (
      hasCacheMountOn(instruction, LISTS) ||
      cleansFolder(instruction, LISTS) ||
      aptGetCalls(instruction, ['dist-clean']).length > 0
    )
      return [];
    const [update] = aptGetCalls(instruction, ['update'], ['apt-get', 'apt']);
    if (!update) return [];
    const fix = appendCleanup(instruction);
    return [
      {
        range: callRange(update),
        message: messages.listsStay(),
        ...(fix ? { fixes: [fix] } : {}),
      },
    ];
  },
);

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
