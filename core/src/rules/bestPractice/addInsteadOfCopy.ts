import type { InstructionRule } from '../rule';
import { processedCopyPaths, type ProcessedWord } from '../../parser';
import { BEST_PRACTICES } from './support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  localFilesAdded: {
    en: () =>
      'ADD copies these local files exactly as COPY would. Use COPY, and keep ADD for archives to unpack and for ' +
      'remote sources with --checksum.',
    ko: () =>
      '이 로컬 파일들은 ADD도 COPY와 똑같이 복사합니다. COPY를 쓰고, ADD는 풀어야 할 압축 파일이나 --checksum을 붙인 원격 소스에만 쓰세요.',
  },
});

/** Flags only ADD has: with them, ADD is the right instruction. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);
/** Names ADD may unpack (it looks at the content, so any compression suffix counts). */
const ARCHIVE = /\.(tar|tgz|taz|tbz|tbz2|tb2|txz|tlz|tzst|gz|bz2|xz|lz|lzma|z|zst)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

/** A local source whose name says it is not an archive: a folder or a file with another extension. */
function isPlainLocal(source: ProcessedWord): boolean {
  const value = source.value;
  if (source.hasVariable || source.unterminated || REMOTE.test(value) || ARCHIVE.test(value)) return false;
  if (value === '.' || value.endsWith('/')) return true;
  const base = value.slice(value.lastIndexOf('/') + 1);
  // No extension (or a glob that could match an archive): ADD might unpack it; stay quiet.
  return /\.[A-Za-z0-9]+$/.test(base) && !/[*?[]/.test(base);
}

export const addInsteadOfCopy: InstructionRule = {
  scope: 'instruction',
  code: 'AddInsteadOfCopy',
  severity: 'info',
  docs: `${BEST_PRACTICES}#add-or-copy`,
  description: {
    en:
      'For plain local files COPY is clearer than ADD, ' +
      'whose extra powers (unpacking archives, fetching URLs) can surprise.',
    ko: '일반 로컬 파일에는 ADD보다 COPY가 명확합니다. ADD의 부가 기능(압축 해제, URL 다운로드)은 예상 밖으로 동작할 수 있습니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3020' },
    { tool: 'droast', id: 'DF006' },
  ],
  examples: {
    invalid: [
      { dockerfile: 'FROM debian:12\nADD app.py /app/\n', range: '1:0-1:3' },
      { dockerfile: 'FROM debian:12\nADD "app.py" /app/\n', range: '1:0-1:3' },
    ],
    valid: ['FROM debian:12\nADD rootfs.tar.gz /\n', 'FROM debian:12\nADD "rootfs.tar.gz" /\n'],
  },
  check(instruction, escapeChar) {
    if (
      instruction.keyword !== 'ADD' ||
      instruction.heredocs.length > 0 ||
      instruction.flags.some((flag) => ADD_ONLY_FLAGS.has(flag.name))
    )
      return [];
    const { sources } = processedCopyPaths(instruction, escapeChar);
    if (sources.length === 0 || !sources.every(isPlainLocal)) return [];
    const copy = instruction.keywordRaw === instruction.keywordRaw.toLowerCase() ? 'copy' : 'COPY';
    return [
      {
        range: instruction.keywordRange,
        message: messages.localFilesAdded(),
        fixes: [
          {
            title: { en: 'Use COPY', ko: 'COPY로 바꾸기' },
            edits: [{ range: instruction.keywordRange, newText: copy }],
          },
        ],
      },
    ];
  },
};
