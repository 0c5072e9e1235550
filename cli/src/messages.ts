// The CLI's own words (help, errors, summary) in English and Korean. Findings carry their own.
// What the user typed or named (paths, patterns, option values) is quoted with its control
// characters shown as escapes: these lines go to a terminal (the exact path stays in `path`).
import type { LocalizedText } from '../../core/src/rules';
import type { Language } from '../../core/src/engine/language';
import type { Severity } from './report';
import { showControls as shown } from './terminalText';

export function usage(language: Language): string {
  return language === 'ko' ? USAGE_KO : USAGE_EN;
}

const USAGE_EN = `Usage: layerwise check [options] [paths or globs...]

Checks Dockerfiles with the same rules as the Layerwise editor extension.
A folder is searched for Dockerfile, Containerfile, *.dockerfile, *.containerfile,
Dockerfile.* and Containerfile.*; a glob (quote it: *, ?, [...], ** and {a,b}) picks every
file it matches; - reads standard input. Without paths, the current folder is searched.

Options:
  --format <text|json|sarif|github>   output format (default: text)
  --fail-level <error|warning|info|hint|none>
                                      exit with 1 when a finding is at or above it (default: error)
  --config <file>                     settings file to use instead of the nearest .layerwise.json
  --rule <Code=off|info|warning|error>
                                      change one rule's severity (repeatable)
  --lang <en|ko>                      language of messages (default: en)
  --stdin-filename <path>             the name of the file read from standard input
  --color, --no-color                 force or turn off colours (default: on a terminal, unless NO_COLOR is set)
  --fix                               apply every mechanical quick fix and rewrite the files, then report
                                      what is left (not the fixes of hints, nor those that edit .dockerignore)
  --fix --dry-run                     print the fixes as a unified diff instead; exit with 1 if any file would change
  --baseline <file>                   report only findings not recorded in <file>
  --baseline <file> --update-baseline record today's findings in <file> (JSON) and exit with 0
  -h, --help                          show this help
  -v, --version                       show the version

Exit status: 0 nothing at or above the fail level, 1 something was, 2 usage error or unreadable file.

Usage: layerwise format [--check|--write|--diff] [paths or globs...]

Formats Dockerfiles as the editor does (RUN scripts as shfmt prints them), finding files as check does.
Without a mode the formatted text is printed.
  --check                             list files that would change; exit with 1 if any would
  --write                             rewrite files that change
  --diff                              print a unified diff; exit with 1 if any file would change
  --indent <0-16>                     spaces per continuation and nesting level (default: .editorconfig, else 4)
  --max-line-length <20-1000>         break the chains of a longer one-line RUN (default: 100)
  --no-break-chains                   keep && / || / | / ; chains on the lines they are on`;

const USAGE_KO = `사용법: layerwise check [옵션] [경로 또는 글롭...]

Layerwise 편집기 확장과 같은 규칙으로 Dockerfile을 검사합니다.
폴더를 주면 Dockerfile, Containerfile, *.dockerfile, *.containerfile, Dockerfile.*,
Containerfile.* 파일을 찾습니다. 글롭(따옴표로 감싸세요: *, ?, [...], **, {a,b})은 일치하는 파일을 모두 검사하고,
-는 표준 입력을 읽습니다. 경로를 주지 않으면 현재 폴더를 찾습니다.

옵션:
  --format <text|json|sarif|github>   출력 형식 (기본값: text)
  --fail-level <error|warning|info|hint|none>
                                      이 수준 이상의 문제가 있으면 종료 코드 1 (기본값: error)
  --config <파일>                     가장 가까운 .layerwise.json 대신 쓸 설정 파일
  --rule <코드=off|info|warning|error>
                                      규칙 하나의 심각도 변경 (여러 번 쓸 수 있음)
  --lang <en|ko>                      메시지 언어 (기본값: en)
  --stdin-filename <경로>             표준 입력으로 읽은 파일의 이름
  --color, --no-color                 색상을 강제로 켜거나 끔 (기본값: 터미널이면 켜고, NO_COLOR가 있으면 끔)
  --fix                               기계적으로 고칠 수 있는 문제를 모두 고쳐 파일에 다시 쓰고 남은 문제를 보고
                                      (힌트의 수정과 .dockerignore를 고치는 수정은 적용하지 않음)
  --fix --dry-run                     파일을 쓰지 않고 고칠 내용을 unified diff로 출력, 바뀔 파일이 있으면 종료 코드 1
  --baseline <파일>                   <파일>에 기록되지 않은 문제만 보고
  --baseline <파일> --update-baseline 지금의 문제를 <파일>(JSON)에 기록하고 종료 코드 0
  -h, --help                          이 도움말 표시
  -v, --version                       버전 표시

종료 코드: 0 기준 이상의 문제 없음, 1 있음, 2 잘못된 사용법이나 읽을 수 없는 파일.

사용법: layerwise format [--check|--write|--diff] [경로 또는 글롭...]

편집기와 같은 방식으로 Dockerfile의 서식을 맞춥니다(RUN 스크립트는 shfmt처럼). 파일은 check와 같이 찾습니다.
모드를 주지 않으면 서식을 맞춘 텍스트를 출력합니다.
  --check                             바뀔 파일을 나열하고, 있으면 종료 코드 1
  --write                             바뀌는 파일을 다시 씀
  --diff                              unified diff를 출력하고, 바뀔 파일이 있으면 종료 코드 1
  --indent <0-16>                     이어지는 줄과 중첩 한 단계의 공백 수 (기본값: .editorconfig, 없으면 4)
  --max-line-length <20-1000>         이보다 긴 한 줄짜리 RUN의 연결을 나눔 (기본값: 100)
  --no-break-chains                   && / || / | / ; 연결을 지금 줄에 그대로 둠`;

export const MESSAGES = {
  unknownCommand: (command: string): LocalizedText => ({
    en: `unknown command "${shown(command)}": the commands are "check" and "format"`,
    ko: `알 수 없는 명령 "${shown(command)}"입니다. 명령은 "check"와 "format"입니다`,
  }),
  missingCommand: {
    en: 'missing command: layerwise check [paths...]',
    ko: '명령이 없습니다: layerwise check [경로...]',
  },
  badValue: (option: string, value: string, allowed: readonly string[]): LocalizedText => ({
    en: `--${option} "${shown(value)}" is not one of ${allowed.join(', ')}`,
    ko: `--${option} 값 "${shown(value)}"은(는) ${allowed.join(', ')} 중 하나여야 합니다`,
  }),
  badRule: (value: string): LocalizedText => ({
    en: `--rule "${shown(value)}" must be Code=off|info|warning|error, e.g. JSONArgsRecommended=off`,
    ko: `--rule "${shown(value)}"은(는) 코드=off|info|warning|error 형식이어야 합니다 (예: JSONArgsRecommended=off)`,
  }),
  unknownRule: (code: string): LocalizedText => ({
    en: `--rule ${shown(code)}: no rule has this code; it has no effect`,
    ko: `--rule ${shown(code)}: 이 코드를 가진 규칙이 없어 아무 효과가 없습니다`,
  }),
  needs: (option: string, needed: string): LocalizedText => ({
    en: `--${option} needs --${needed}`,
    ko: `--${option}는 --${needed}와 함께 써야 합니다`,
  }),
  fixStdin: {
    en: '--fix cannot write standard input back; use --fix --dry-run to see the fixes as a diff',
    ko: '--fix는 표준 입력에 다시 쓸 수 없습니다. 고칠 내용을 diff로 보려면 --fix --dry-run을 쓰세요',
  },
  cannotWrite: (path: string, reason: LocalizedText): LocalizedText => ({
    en: `cannot write ${shown(path)}: ${reason.en}`,
    ko: `${shown(path)}에 쓸 수 없습니다: ${reason.ko}`,
  }),
  fixed: (path: string, counts: ReadonlyMap<string, number>, dryRun: boolean): LocalizedText => {
    const list = [...counts].map(([code, count]) => `${shown(code)} ×${count}`).join(', ');
    return dryRun
      ? { en: `would fix ${shown(path)}: ${list}`, ko: `${shown(path)}에서 고칠 것: ${list}` }
      : { en: `fixed ${shown(path)}: ${list}`, ko: `${shown(path)} 고침: ${list}` };
  },
  otherFilesNotFixed: (path: string, codes: readonly string[]): LocalizedText => ({
    en: `${shown(path)}: --fix left out fixes that edit another file (.dockerignore): ${codes.map(shown).join(', ')}`,
    ko: `${shown(path)}: 다른 파일(.dockerignore)을 고치는 수정은 --fix가 적용하지 않았습니다: ${codes.map(shown).join(', ')}`,
  }),
  baselineWritten: (path: string, count: number): LocalizedText => ({
    en: `wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${shown(path)}`,
    ko: `기준선 파일 ${shown(path)}에 문제 ${count}개를 기록했습니다`,
  }),
  baselineHidden: (count: number): LocalizedText => ({
    en: `${count} finding${count === 1 ? '' : 's'} already in the baseline not shown`,
    ko: `기준선에 이미 있는 문제 ${count}개는 표시하지 않았습니다`,
  }),
  stdinTwice: { en: '- (standard input) can be given only once', ko: '-(표준 입력)는 한 번만 줄 수 있습니다' },
  cannotRead: (path: string, reason: LocalizedText): LocalizedText => ({
    en: `cannot read ${shown(path)}: ${reason.en}`,
    ko: `${shown(path)}을(를) 읽을 수 없습니다: ${reason.ko}`,
  }),
  unreadableDockerignore: (path: string, reason: LocalizedText): LocalizedText => ({
    en: `cannot read ${shown(path)}: ${reason.en}; its patterns were not applied (docker build would fail too)`,
    ko: `${shown(path)}을(를) 읽을 수 없습니다: ${reason.ko}. 그 패턴을 적용하지 않았습니다(docker build도 실패합니다)`,
  }),
  unreadableContextFolder: (folder: string, reason: LocalizedText): LocalizedText => ({
    en:
      `cannot read ${shown(folder)} in the build context: ${reason.en}; ` +
      'its files were not checked (docker build would fail to send it)',
    ko:
      `빌드 컨텍스트의 ${shown(folder)}을(를) 읽을 수 없습니다: ${reason.ko}. ` +
      '그 안의 파일은 확인하지 않았습니다(docker build도 이 폴더를 보내지 못해 실패합니다)',
  }),
  noGlobMatch: (pattern: string): LocalizedText => ({
    en: `no files match ${shown(pattern)}`,
    ko: `${shown(pattern)}에 맞는 파일이 없습니다`,
  }),
  noDockerfiles: (folder: string): LocalizedText => ({
    en: `no Dockerfiles found in ${shown(folder)}`,
    ko: `${shown(folder)}에서 Dockerfile을 찾지 못했습니다`,
  }),
  badConfig: (path: string, problems: readonly string[]): LocalizedText => ({
    en: `settings file ${shown(path)}: ${problems.map(shown).join('; ')}`,
    ko: `설정 파일 ${shown(path)}: ${problems.map(shown).join('; ')}`,
  }),
  checkFailed: (path: string, reason: string): LocalizedText => ({
    en: `checking ${shown(path)} failed: ${reason}`,
    ko: `${shown(path)} 검사에 실패했습니다: ${reason}`,
  }),
};

export function summary(files: number, counts: Record<Severity, number>, language: Language): string {
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (language === 'ko') {
    if (total === 0) return `파일 ${files}개를 검사했고 문제가 없습니다.`;
    const found = `오류 ${counts.error}, 경고 ${counts.warning}, 정보 ${counts.info + counts.hint}`;
    return `파일 ${files}개에서 문제 ${total}개를 찾았습니다 (${found}).`;
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (total === 0) return `${plural(files, 'file')} checked, no problems.`;
  const errors = plural(counts.error, 'error');
  const found = `${errors}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} info`;
  return `${plural(total, 'problem')} in ${plural(files, 'file')} (${found}).`;
}
