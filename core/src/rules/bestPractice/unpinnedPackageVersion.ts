import type { Finding, InstructionRule } from '../rule';
import type { ShellWord } from '../../shell';
import { hasOption } from '../../shell';
import { APK_OPTIONS } from './apkAddWithoutNoCache';
import { aptGetCalls } from './aptGet';
import { pipCalls } from './pip';
import { BEST_PRACTICES, toolCalls } from './support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  unpinned: {
    en: (p: { tool: string; name: string | undefined; example: string }) =>
      `${p.tool} installs whatever version of ${p.name} is current at build time. Pin it (${p.example}) if builds ` +
      'must be repeatable.',
    ko: (p) =>
      `${p.tool}가 빌드 시점의 최신 ${p.name}를 설치합니다. 빌드를 재현해야 한다면 버전을 고정하세요(${p.example}).`,
  },
});

/** Files, folders and URLs are not package names. */
const isPath = (name: string): boolean =>
  /[/]/.test(name) || name.startsWith('.') || /\.(deb|rpm|apk|whl|tar\.gz|zip)$/.test(name);

export const unpinnedPackageVersion: InstructionRule = {
  scope: 'instruction',
  code: 'UnpinnedPackageVersion',
  severity: 'info',
  // Distributions replace old package versions, so pinning is a trade-off: off unless asked for.
  offByDefault: true,
  docs: `${BEST_PRACTICES}#apt-get`,
  description: {
    en: 'Packages installed without a version can differ from one build to the next; pin versions where repeatable builds matter more than automatic updates.',
    ko: '버전 없이 설치한 패키지는 빌드마다 달라질 수 있습니다. 자동 업데이트보다 재현 가능한 빌드가 중요하다면 버전을 고정하세요.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3008', note: 'apt-get' },
    { tool: 'hadolint', id: 'DL3018', note: 'apk' },
    { tool: 'hadolint', id: 'DL3013', note: 'pip' },
    { tool: 'droast', id: 'DF005', note: 'apt-get and yum' },
    { tool: 'droast', id: 'DF052', note: 'apk' },
    { tool: 'droast', id: 'DF051', note: 'pip' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\n', range: '1:31-1:36' }],
    valid: ['FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.0\n'],
  },
  check(instruction) {
    const unpinned: { word: ShellWord; tool: string; example: string }[] = [];
    for (const call of aptGetCalls(instruction, ['install'])) {
      for (const word of call.line.operands.slice(1)) {
        if (word.value !== undefined && !word.value.includes('=') && !isPath(word.value))
          unpinned.push({ word, tool: 'apt-get', example: `${word.value}=<version>` });
      }
    }
    for (const call of toolCalls(instruction, ['apk'], APK_OPTIONS)) {
      if (call.subcommand?.value !== 'add') continue;
      for (const word of call.line.operands.slice(1)) {
        if (word.value !== undefined && !/[=<>~]/.test(word.value) && !isPath(word.value))
          unpinned.push({ word, tool: 'apk', example: `${word.value}=<version>` });
      }
    }
    for (const call of pipCalls(instruction, 'install')) {
      // Requirement and constraint files, editable installs: versions are decided elsewhere.
      if (hasOption(call.line, 'r', 'requirement', 'c', 'constraint', 'e', 'editable')) continue;
      for (const word of call.line.operands.slice(1)) {
        const value = word.value;
        if (value !== undefined && !/[=<>~!@]/.test(value) && !isPath(value) && !/^[a-z+]+:/.test(value))
          unpinned.push({ word, tool: 'pip', example: `${value}==<version>` });
      }
    }
    return unpinned.map(
      ({ word, tool, example }): Finding => ({
        range: word.range,
        message: messages.unpinned({ tool, name: word.value, example }),
      }),
    );
  },
};
