import type { Position } from '../../parser';
import type { Finding, InstructionRule } from '../rule';
import { readCommandLine, runShell, type ShellCommand, type ShellWord } from '../../shell';
import { defineMessages } from '../messages';
import { referenceDocs } from '../support';
import { CURL_SYNTAX, DOWNLOADERS, SCRIPT_SHELLS, verifiesDownload, WGET_SYNTAX } from './remoteScriptSupport';

const messages = defineMessages({
  piped: {
    en: (p: { shell: string }) =>
      `The downloaded script goes straight into ${p.shell}: whatever the server sends (a changed, hijacked or ` +
      'cut-off script) runs in the build unchecked. Save it to a file, check it with sha256sum -c against a ' +
      'known checksum, then run it; or use ADD --checksum.',
    ko: (p) =>
      `내려받은 스크립트가 곧바로 ${p.shell}로 실행됩니다. 서버가 보내는 것(바뀌었거나 탈취되었거나 중간에 끊긴 스크립트)이 ` +
      '검사 없이 빌드에서 실행됩니다. 파일로 저장해 알려진 체크섬과 sha256sum -c로 확인한 뒤 실행하거나, ADD --checksum을 쓰세요.',
  },
  savedThenRun: {
    en: (p: { file: string }) =>
      `${p.file} is downloaded and run in this RUN without a checksum or signature check, so whatever the server ` +
      'sends runs in the build. Check it with sha256sum -c against a known checksum before running it, or use ' +
      'ADD --checksum.',
    ko: (p) =>
      `${p.file}을(를) 내려받아 체크섬이나 서명 확인 없이 이 RUN에서 실행하므로, 서버가 보내는 것이 그대로 빌드에서 실행됩니다. ` +
      '실행하기 전에 알려진 체크섬과 sha256sum -c로 확인하거나, ADD --checksum을 쓰세요.',
  },
  download: {
    en: () => 'The download',
    ko: () => '내려받는 곳',
  },
});

/** Where a downloader saves what it fetches (a path, or '-' for standard output), if it says. */
function savedFile(command: ShellCommand): string | undefined {
  const isCurl = command.program === 'curl';
  const line = readCommandLine(command, isCurl ? CURL_SYNTAX : WGET_SYNTAX);
  if (line.hasExpansion && line.operands.length === 0) return undefined;
  const url = line.operands.find((word) => word.value && /^(https?|ftp):\/\//.test(word.value))?.value;
  const fromUrl = url
    ? url
        .replace(/[?#].*$/, '')
        .replace(/\/+$/, '')
        .split('/')
        .pop()
    : undefined;
  for (const option of line.options) {
    if (isCurl && (option.name === 'o' || option.name === 'output')) return option.value;
    if (isCurl && (option.name === 'O' || option.name === 'remote-name')) return fromUrl;
    if (!isCurl && (option.name === 'O' || option.name === 'output-document')) return option.value;
  }
  // wget saves under the URL's last path segment by default; curl writes to standard output.
  return isCurl ? '-' : fromUrl;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** `sh -c '...'`, `bash -ec '...'`: the shell runs its argument, not a file or standard input. */
const hasCommandOption = (command: ShellCommand): boolean =>
  command.args.some((arg) => /^-[a-z]*c[a-z]*$/.test(arg.value ?? ''));

/** The script a command runs, if it runs one as a file: `sh install.sh`, `./install.sh`. */
function scriptRun(command: ShellCommand): ShellWord | undefined {
  const name = command.name.value ?? '';
  if (SCRIPT_SHELLS.includes(command.program ?? '')) {
    return hasCommandOption(command) ? undefined : command.args.find((arg) => !(arg.value ?? '').startsWith('-'));
  }
  return name.includes('/') ? command.name : undefined;
}

const notBefore = (a: Position, b: Position): boolean =>
  a.line > b.line || (a.line === b.line && a.character >= b.character);

/** `later` starts after `earlier` ends. */
const isAfter = (later: ShellCommand, earlier: ShellCommand): boolean =>
  notBefore(later.range.start, earlier.range.end);

/** `inner` lies inside `outer` (in one of its substitutions). */
const within = (inner: ShellCommand, outer: ShellCommand): boolean =>
  notBefore(inner.range.start, outer.range.start) && notBefore(outer.range.end, inner.range.end);

/** Commands that run the text a substitution gives them: `sh -c "$(curl ...)"`, `bash <(curl ...)`. */
const RUNS_TEXT = [...SCRIPT_SHELLS, 'eval', 'source', '.'];

/** The command after `commands[i]` in its pipeline (the commands of its own substitutions come between). */
function nextInPipeline(commands: readonly ShellCommand[], i: number): ShellCommand | undefined {
  const download = commands[i]!;
  for (let j = i + 1; j < commands.length; j++) {
    const command = commands[j]!;
    if (!isAfter(command, download)) continue;
    return command.before === '|' ? command : undefined;
  }
  return undefined;
}

/**
 * The command whose substitution holds `commands[i]`: commands are listed outer first, so it is the
 * nearest one before that contains it (looked for among a few, as a substitution sits in its command).
 */
function enclosingCommand(commands: readonly ShellCommand[], i: number): ShellCommand | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 32; j--) if (within(commands[i]!, commands[j]!)) return commands[j];
  return undefined;
}

/** The indexes of the commands that run a script file, by the file's base name, in order. */
function indexScriptRuns(commands: readonly ShellCommand[]): Map<string, number[]> {
  const runs = new Map<string, number[]>();
  commands.forEach((command, index) => {
    const script = scriptRun(command)?.value;
    if (!script) return;
    const name = baseName(script);
    const list = runs.get(name);
    if (list) list.push(index);
    else runs.set(name, [index]);
  });
  return runs;
}

/** The first index in the ascending `indexes` greater than `after` (binary search). */
function firstAfter(indexes: readonly number[], after: number): number | undefined {
  let low = 0;
  let high = indexes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (indexes[middle]! > after) high = middle;
    else low = middle + 1;
  }
  return indexes[low];
}

export const unverifiedRemoteScript: InstructionRule = {
  scope: 'instruction',
  code: 'UnverifiedRemoteScript',
  severity: 'warning',
  docs: referenceDocs('verifying-a-remote-file-checksum-add---checksumchecksum-http-src'),
  description: {
    en:
      'A script fetched with curl or wget and run in the same RUN without a checksum or signature check runs ' +
      'whatever the server sends.',
    ko: 'curl이나 wget으로 받아 같은 RUN에서 체크섬·서명 확인 없이 실행하는 스크립트는 서버가 보내는 무엇이든 실행합니다.',
  },
  messages,
  category: 'security',
  equivalents: [
    {
      tool: 'droast',
      id: 'DF021',
      note: 'only a download piped straight into a shell, found by matching the RUN text',
    },
  ],
  examples: {
    invalid: [
      { dockerfile: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\n', range: '1:4-1:50' },
      'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n',
      {
        dockerfile: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sh /tmp/i.sh\n',
        range: '1:54-1:66',
      },
    ],
    valid: [
      'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh \\\n' +
        '  && echo "0123abcd  /tmp/i.sh" | sha256sum -c - \\\n  && sh /tmp/i.sh\n',
      'FROM debian:12\nRUN curl -fsSL https://example.com/data.tar.gz | tar -xz\n',
    ],
  },
  check(instruction) {
    const view = runShell(instruction);
    if (!view || view.error) return [];
    const { commands } = view;
    if (commands.some(verifiesDownload)) return [];
    const scriptRuns = indexScriptRuns(commands);
    const findings: Finding[] = [];
    for (let i = 0; i < commands.length; i++) {
      const download = commands[i]!;
      if (!DOWNLOADERS.includes(download.program ?? '')) continue;
      const file = savedFile(download);
      if (file === '-' && download.after === '|') {
        const next = nextInPipeline(commands, i);
        const shell =
          next?.program === 'sudo' ? next.args.find((a) => !(a.value ?? '').startsWith('-'))?.value : next?.program;
        if (next && shell && SCRIPT_SHELLS.includes(baseName(shell)) && !hasCommandOption(next))
          findings.push({
            range: { start: download.range.start, end: next.range.end },
            message: messages.piped({ shell: baseName(shell) }),
          });
        continue;
      }
      if (file === '-' && download.inSubstitution) {
        const runner = enclosingCommand(commands, i);
        if (runner && RUNS_TEXT.includes(runner.program ?? ''))
          findings.push({ range: runner.range, message: messages.piped({ shell: runner.program ?? 'sh' }) });
        continue;
      }
      if (!file || file === '-' || file === '/dev/null') continue;
      const runIndex = firstAfter(scriptRuns.get(baseName(file)) ?? [], i);
      const run = runIndex === undefined ? undefined : commands[runIndex];
      if (run)
        findings.push({
          range: run.range,
          message: messages.savedThenRun({ file: baseName(file) }),
          related: [{ range: download.range, message: messages.download() }],
        });
    }
    return findings;
  },
};
