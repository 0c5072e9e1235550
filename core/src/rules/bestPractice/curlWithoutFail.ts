import type { Finding, InstructionRule } from '../rule';
import { hasOption, readCommandLine, runShell } from '../../shell';
import { defineMessages } from '../messages';
import { CURL_SYNTAX } from './remoteScriptSupport';
import { insertAfter } from './support';

const messages = defineMessages({
  savedWithoutFail: {
    en: () =>
      'Without -f (--fail), curl exits with success on an HTTP error (404, 500) and saves the error page as if ' +
      'it were the file; the build goes on with it. Add -f, as in curl -fsSL.',
    ko: () =>
      '-f(--fail)가 없으면 curl은 HTTP 오류(404, 500)에도 성공으로 끝나고 오류 페이지를 받을 파일인 것처럼 저장해, ' +
      '빌드가 그대로 이어집니다. curl -fsSL처럼 -f를 붙이세요.',
  },
  pipedWithoutFail: {
    en: () =>
      'Without -f (--fail), curl exits with success on an HTTP error (404, 500) and passes the error page down ' +
      'the pipe as if it were the download. Add -f, as in curl -fsSL.',
    ko: () =>
      '-f(--fail)가 없으면 curl은 HTTP 오류(404, 500)에도 성공으로 끝나고 오류 페이지를 내려받은 내용인 것처럼 파이프로 ' +
      '넘깁니다. curl -fsSL처럼 -f를 붙이세요.',
  },
  addFail: {
    en: () => 'Add -f (--fail)',
    ko: () => '-f(--fail) 추가',
  },
});

/** Options that make curl fail on an HTTP error, or show the author looks at the status. */
const CHECKS_STATUS = ['f', 'fail', 'fail-with-body', 'w', 'write-out'];
/** Options that save the response to a file. */
const SAVES = ['o', 'output', 'O', 'remote-name', 'remote-name-all'];

function saves(option: { name: string; value: string | undefined }): boolean {
  if (!SAVES.includes(option.name)) return false;
  return option.value !== '/dev/null' && option.value !== '-';
}

export const curlWithoutFail: InstructionRule = {
  scope: 'instruction',
  code: 'CurlWithoutFail',
  severity: 'warning',
  docs: 'https://curl.se/docs/manpage.html#-f',
  description: {
    en:
      'curl without -f (--fail) treats an HTTP error as success, so a saved or piped download can be an error ' +
      'page.',
    ko: '-f(--fail) 없는 curl은 HTTP 오류를 성공으로 여겨, 저장하거나 파이프로 넘긴 내용이 오류 페이지일 수 있습니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [{ tool: 'droast', id: 'DF035', note: 'any curl with a URL, also when the output is not kept' }],
  examples: {
    invalid: [
      { dockerfile: 'FROM debian:12\nRUN curl -sSLo /tmp/app.tgz https://example.com/app.tgz\n', range: '1:4-1:8' },
      'FROM debian:12\nRUN curl -sSL https://example.com/app.tgz | tar -xz\n',
    ],
    valid: [
      'FROM debian:12\nRUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz\n',
      'FROM debian:12\nRUN curl --fail-with-body -L -O https://example.com/app.tgz\n',
      'FROM debian:12\nRUN curl -sS https://example.com/health\n',
    ],
  },
  check(instruction) {
    const view = runShell(instruction);
    if (!view || view.error) return [];
    const findings: Finding[] = [];
    for (const command of view.commands) {
      if (command.program !== 'curl') continue;
      const line = readCommandLine(command, CURL_SYNTAX);
      if (hasOption(line, ...CHECKS_STATUS) || hasOption(line, 'I', 'head')) continue;
      const saved = line.options.some(saves);
      if (!saved && command.after !== '|') continue;
      findings.push({
        range: command.name.range,
        message: saved ? messages.savedWithoutFail() : messages.pipedWithoutFail(),
        fixes: [insertAfter(command.name, '-f', messages.addFail())],
      });
    }
    return findings;
  },
};
