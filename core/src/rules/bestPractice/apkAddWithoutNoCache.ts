import type { Finding } from '../rule';
import { shellRunRule } from './shellRuns';
import { hasOption } from '../../shell';
import { BEST_PRACTICES, callRange, cleansFolder, hasCacheMountOn, insertAfter, toolCalls } from './support';
import { defineMessages } from '../messages';

export const APK_OPTIONS = {
  shortWithValue: 'Xtp',
  longWithValue: ['repository', 'virtual', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file'],
};

const messages = defineMessages({
  keepsIndex: {
    en: () => 'apk add without --no-cache leaves the package index in /var/cache/apk in this layer. Add --no-cache.',
    ko: () => '--no-cache 없는 apk add는 /var/cache/apk에 패키지 색인을 이 레이어에 남깁니다. --no-cache를 추가하세요.',
  },
});

export const apkAddWithoutNoCache = shellRunRule(
  {
    code: 'ApkAddWithoutNoCache',
    messages,
    severity: 'info',
    docs: `${BEST_PRACTICES}#run`,
    description: {
      en: 'apk add --no-cache fetches the package index without keeping it, so the layer holds no index files.',
      ko: 'apk add --no-cache는 패키지 색인을 받아 쓰고 남기지 않으므로 레이어에 색인 파일이 남지 않습니다.',
    },
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3019' },
      { tool: 'droast', id: 'DF029' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM alpine:3.20\nRUN apk add curl\n', range: '1:4-1:11' },
        { dockerfile: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add curl\n', range: '1:31-1:38' },
      ],
      valid: [
        'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
        'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n',
      ],
    },
  },
  (instruction): Finding[] => {
    if (hasCacheMountOn(instruction, '/var/cache/apk') || hasCacheMountOn(instruction, '/etc/apk/cache')) return [];
    // Only a removal after the add takes the index it downloaded out of the layer.
    return toolCalls(instruction, ['apk'], APK_OPTIONS)
      .filter(
        (call) =>
          call.subcommand?.value === 'add' &&
          !hasOption(call.line, 'no-cache', 'cache-dir', 'no-network') &&
          !cleansFolder(instruction, '/var/cache/apk', call.command),
      )
      .map((call) => ({
        range: callRange(call),
        message: messages.keepsIndex(),
        fixes: [insertAfter(call.subcommand!, '--no-cache', { en: 'Add --no-cache', ko: '--no-cache 추가' })],
      }));
  },
  { shippedOnly: true },
);
