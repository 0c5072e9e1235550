import type { Finding, InstructionRule } from '../rule';
import type { ShellWord } from '../../shell';
import { hasOption } from '../../shell';
import { APK_OPTIONS } from './apkAddWithoutNoCache';
import { aptGetCalls } from './aptGet';
import { pipCalls } from './pip';
import { BEST_PRACTICES, toolCalls } from './support';

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
        message: {
          en: `${tool} installs whatever version of ${word.value} is current at build time. Pin it (${example}) if builds must be repeatable.`,
          ko: `${tool}가 빌드 시점의 최신 ${word.value}를 설치합니다. 빌드를 재현해야 한다면 버전을 고정하세요(${example}).`,
        },
      }),
    );
  },
};
