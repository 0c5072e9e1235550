import type { Finding, StageRule } from '../rule';
import type { Heredoc, Instruction, Position } from '../../parser';
import { wordOffsetMapper } from '../../parser';
import type { Stage } from '../../model';
import { shellInEffect } from '../../model/runConfig';
import { runShell } from '../../shell';
import { defineMessages } from '../messages';
import { referenceDocs } from '../support';
import { type BashOnlyKind, bashOnlySyntax } from './bashOnlySyntax';
import { instructionMemo } from './instructionMemo';
import { moveFinding } from '../shiftFindings';
import { shellFormRuns } from './shellRuns';

const SWITCH = {
  en: 'Write it the POSIX way, or run RUN with bash: SHELL ["/bin/bash", "-c"] (where the image has bash).',
  ko: 'POSIX 방식으로 쓰거나, 이미지에 bash가 있다면 SHELL ["/bin/bash", "-c"]로 RUN을 bash에서 실행하세요.',
};

const messages = defineMessages({
  doubleBracket: {
    en: () =>
      '[[ ]] is bash syntax, but this RUN runs with /bin/sh (dash on Debian and Ubuntu), where [[ is not a ' +
      `command: the test fails, and an if quietly takes its else branch. Use [ ] instead. ${SWITCH.en}`,
    ko: () =>
      '[[ ]]는 bash 문법인데 이 RUN은 /bin/sh(Debian과 Ubuntu에서는 dash)로 실행되고, 거기서 [[는 명령이 아닙니다. 검사가 ' +
      `실패해 if는 조용히 else 쪽으로 갑니다. [ ]를 쓰세요. ${SWITCH.ko}`,
  },
  bothRedirect: {
    en: () =>
      '&> is bash syntax. /bin/sh (dash) reads `cmd &> file` as `cmd &` and `> file`: the command goes to the ' +
      `background, its output is not redirected, and the step may end before it does. Write > file 2>&1. ${SWITCH.en}`,
    ko: () =>
      '&>는 bash 문법입니다. /bin/sh(dash)는 `cmd &> file`을 `cmd &`와 `> file`로 읽어, 명령이 백그라운드로 가고 출력은 ' +
      `리디렉션되지 않으며 단계가 명령보다 먼저 끝날 수 있습니다. > file 2>&1로 쓰세요. ${SWITCH.ko}`,
  },
  source: {
    en: () =>
      'source is a bash builtin; /bin/sh (dash) has only . and stops with "source: not found". Write . file ' +
      `instead. ${SWITCH.en}`,
    ko: () =>
      'source는 bash 내장 명령입니다. /bin/sh(dash)에는 .만 있어 "source: not found"로 멈춥니다. 대신 . file로 쓰세요. ' +
      SWITCH.ko,
  },
  functionKeyword: {
    en: () => `The function keyword is bash syntax, which /bin/sh rejects. Write name() { ...; }. ${SWITCH.en}`,
    ko: () => `function 키워드는 bash 문법이라 /bin/sh가 받아들이지 않습니다. name() { ...; }로 쓰세요. ${SWITCH.ko}`,
  },
  indirect: {
    en: () => `\${!...} (indirect expansion) is bash syntax; /bin/sh stops with "Bad substitution". ${SWITCH.en}`,
    ko: () => `\${!...}(간접 확장)는 bash 문법이라 /bin/sh는 "Bad substitution"으로 멈춥니다. ${SWITCH.ko}`,
  },
  array: {
    en: () => `Arrays are bash syntax; /bin/sh has none and fails on them. ${SWITCH.en}`,
    ko: () => `배열은 bash 문법입니다. /bin/sh에는 배열이 없어 실패합니다. ${SWITCH.ko}`,
  },
});

const MESSAGE: Record<BashOnlyKind, () => Finding['message']> = {
  doubleBracket: messages.doubleBracket,
  bothRedirect: messages.bothRedirect,
  source: messages.source,
  functionKeyword: messages.functionKeyword,
  indirect: messages.indirect,
  array: messages.array,
};

/** Shells that run bash syntax (bash, and zsh and ksh, which accept these forms too). */
const BASH_LIKE = /(^|[/\\])(bash|zsh|ksh|ksh93|mksh)(\.exe)?$/i;
/** Images whose /bin/sh is bash, so RUN under /bin/sh -c gets bash anyway. */
const SH_IS_BASH = new RegExp(
  '(^|/)(centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|' +
    'rhel\\d*|ubi\\d*(-\\w+)?|opensuse|leap|tumbleweed|archlinux)(:|@|$)',
);
/** Images whose /bin/sh is BusyBox ash: Alpine, BusyBox, and the `-alpine` variants of official images. */
const SH_IS_ASH = /(^|\/)(alpine|busybox)(:|@|$)|[:-]alpine/;
/** Windows images run RUN with cmd unless told otherwise. */
const WINDOWS = /windows|servercore|nanoserver/i;

/** The `RUN <<EOF` heredoc whose body is the whole script, if that is the form. */
function scriptHeredoc(instruction: Instruction): Heredoc | undefined {
  const [heredoc] = instruction.heredocs;
  if (!heredoc || instruction.heredocs.length !== 1) return undefined;
  return /^\d*<<-?\S+$/.test(instruction.rest?.raw ?? '') ? heredoc : undefined;
}

/** The program a script body's `#!` line names, or undefined without one. */
function shebangOf(content: string): string | undefined {
  if (!content.startsWith('#!')) return undefined;
  const end = content.indexOf('\n');
  const words = content
    .slice(2, end < 0 ? undefined : end)
    .trim()
    .split(/\s+/);
  return (words[0]?.endsWith('/env') ? words.find((w, i) => i > 0 && !w.startsWith('-')) : words[0]) ?? '';
}

/** Positions in a heredoc body: its line starts are found once, each offset by binary search. */
function heredocLocator(heredoc: Heredoc): (offset: number) => Position {
  const lineStarts = [0];
  const { content } = heredoc;
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const firstLine = heredoc.bodyRange?.start.line ?? heredoc.range.end.line + 1;
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: firstLine + low, character: offset - lineStarts[low]! + (heredoc.strippedTabs[low] ?? 0) };
  };
}

/** Bash-only syntax of one RUN, as if /bin/sh ran it (the stage decides whether it does). */
interface KindFinding {
  kind: BashOnlyKind;
  finding: Finding;
}

const bashOnlyUses = instructionMemo(
  (instruction: Instruction): KindFinding[] => {
    const view = runShell(instruction);
    // A script the shell parser cannot read may be bash that sh cannot read either; other rules stay
    // silent on it, and so does this one.
    if (!view || view.error || !instruction.rest) return [];
    const heredoc = scriptHeredoc(instruction);
    if (heredoc) {
      const shebang = shebangOf(heredoc.content);
      if (shebang !== undefined && !/(^|\/)(sh|dash|ash)$/.test(shebang)) return [];
      const position = heredocLocator(heredoc);
      return bashOnlySyntax(heredoc.content).map((use) => ({
        kind: use.kind,
        finding: { range: { start: position(use.start), end: position(use.end) }, message: MESSAGE[use.kind]() },
      }));
    }
    const rest = instruction.rest;
    const mapper = wordOffsetMapper(instruction, rest);
    return bashOnlySyntax(rest.raw).map((use) => ({
      kind: use.kind,
      finding: {
        range: { start: mapper.position(use.start, false), end: mapper.position(use.end, true) },
        message: MESSAGE[use.kind](),
      },
    }));
  },
  (uses, move) => uses.map((use) => ({ kind: use.kind, finding: moveFinding(use.finding, move) })),
);

/** A RUN earlier in the stage linked bash over /bin/sh (`ln -sf /bin/bash /bin/sh`). */
function linksBashAsSh(instruction: Instruction): boolean {
  const view = runShell(instruction);
  return (
    view?.commands.some(
      (command) =>
        command.program === 'ln' &&
        command.args.some((arg) => arg.value === '/bin/sh') &&
        command.args.some((arg) => /(^|\/)bash$/.test(arg.value ?? '')),
    ) ?? false
  );
}

/**
 * The bash-only forms that fail under the stage's /bin/sh. BusyBox ash (Alpine's /bin/sh) accepts
 * [[ ]], source, &> and the function keyword as bash does, but has no arrays or ${!x}. Only the
 * stage's own image is looked at: for a stage built on another stage, those two are reported.
 */
function failingKinds(stage: Stage): ReadonlySet<BashOnlyKind> {
  if (stage.baseStage) return ASH_FAILS;
  const image = (stage.resolvedBaseImage ?? stage.baseImage).toLowerCase().replace(/^(docker\.io\/)?(library\/)?/, '');
  if (SH_IS_BASH.test(image)) return NOTHING;
  return SH_IS_ASH.test(image) ? ASH_FAILS : DASH_FAILS;
}

const NOTHING: ReadonlySet<BashOnlyKind> = new Set();
const ASH_FAILS: ReadonlySet<BashOnlyKind> = new Set(['indirect', 'array']);
const DASH_FAILS: ReadonlySet<BashOnlyKind> = new Set([
  'doubleBracket',
  'bothRedirect',
  'source',
  'functionKeyword',
  'indirect',
  'array',
]);

export const bashSyntaxInSh: StageRule = {
  scope: 'stage',
  code: 'BashSyntaxInSh',
  severity: 'warning',
  docs: referenceDocs('shell'),
  description: {
    en:
      'RUN runs with /bin/sh -c unless SHELL says otherwise, and /bin/sh is often dash or BusyBox ash: bash ' +
      'syntax ([[ ]], source, &>, ${!x}, arrays, function f) fails there or does something else.',
    ko:
      'RUN은 SHELL로 바꾸지 않으면 /bin/sh -c로 실행되고, /bin/sh는 흔히 dash나 BusyBox ash입니다. bash 문법([[ ]], source, ' +
      '&>, ${!x}, 배열, function f)은 거기서 실패하거나 다르게 동작합니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    { tool: 'shellcheck', id: 'SC3010', note: '[[ ]]' },
    { tool: 'shellcheck', id: 'SC3020', note: '&>' },
    { tool: 'shellcheck', id: 'SC3046', note: 'source' },
    { tool: 'shellcheck', id: 'SC3053', note: '${!x}' },
    { tool: 'shellcheck', id: 'SC3054', note: 'array references' },
    { tool: 'shellcheck', id: 'SC2113', note: 'function keyword' },
    { tool: 'droast', id: 'DF066', note: 'text search, silenced by any SHELL instruction' },
  ],
  examples: {
    invalid: [
      { dockerfile: 'FROM debian:12\nRUN if [[ -f /etc/os-release ]]; then echo yes; fi\n', range: '1:7-1:9' },
      'FROM ubuntu:24.04\nRUN make &> /dev/null\n',
      'FROM debian:12\nRUN <<EOF\nsource /etc/os-release\nEOF\n',
    ],
    valid: [
      'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN if [[ -f /etc/os-release ]]; then echo yes; fi\n',
      'FROM debian:12\nRUN bash -c \'source /etc/os-release && echo "$ID"\'\n',
      'FROM debian:12\nRUN <<EOF\n#!/bin/bash\nsource /etc/os-release\nEOF\n',
      'FROM fedora:40\nRUN [[ -f /etc/os-release ]] && echo yes\n',
      'FROM alpine:3.20\nRUN [[ -f /etc/os-release ]] && source /etc/os-release\n',
      'FROM debian:12\nRUN make > /dev/null 2>&1 && . /etc/os-release\n',
    ],
  },
  check(stage) {
    const findings: Finding[] = [];
    if (WINDOWS.test(stage.resolvedBaseImage ?? stage.baseImage) || stage.inherited.scratch) return findings;
    const failing = failingKinds(stage);
    if (failing.size === 0) return findings;
    let linkedBash = false;
    for (const { run: instruction, at, state } of shellFormRuns(stage)) {
      const shell = state.shell;
      const heredoc = scriptHeredoc(instruction);
      const shebang = heredoc && shebangOf(heredoc.content);
      const program = shellInEffect(state)[0] ?? '/bin/sh';
      // A `#!/bin/sh` script runs with sh whatever SHELL says; other RUNs with the SHELL in effect.
      const runsSh = shebang !== undefined ? !linkedBash : shell.posix && !BASH_LIKE.test(program) && !linkedBash;
      if (runsSh) for (const use of bashOnlyUses(instruction)) if (failing.has(use.kind)) findings.push(use.finding);
      // A trigger's `ln -s` happens in the image built on this one, not in this stage.
      if (instruction === at) linkedBash ||= linksBashAsSh(instruction);
    }
    return findings;
  },
};
