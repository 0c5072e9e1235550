// BuildKit check JSONArgsRecommended: CMD and ENTRYPOINT in shell form run under /bin/sh -c,
// which does not pass signals on to the program. Not reported once SHELL is set in the stage
// (or a stage it builds on): then the shell form is a deliberate choice.
import type { Instruction } from '../../parser';
import type { Finding, Fix, StageRule } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';
import { defineMessages } from '../messages';

/** Characters that make the text mean more than "a program and its arguments" to a shell. */
const SHELL_SYNTAX = /[$`|&;<>()*?[\]{}~'"\\#=!\n]/;

function execFormFix(instruction: Instruction): Fix | undefined {
  const rest = instruction.rest;
  if (!rest || SHELL_SYNTAX.test(rest.raw)) return undefined;
  const words = rest.raw.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const json = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
  return fix(`Write it as ${json}`, `${json} 형태로 바꾸기`, [replace(rest.range, json)]);
}

/** Reads from the model whether a SHELL was set in the stage or the stages it builds on. */
const messages = defineMessages({
  shellForm: {
    en: (p: { keyword: string }) =>
      `${p.keyword} in shell form runs under /bin/sh -c, which does not forward signals such as SIGTERM to your ` +
      `program; prefer the JSON form ${p.keyword} ["program", "arg"].`,
    ko: (p) =>
      `셸 형식의 ${p.keyword}는 /bin/sh -c 아래에서 실행되어 SIGTERM 같은 시그널이 프로그램에 전달되지 않습니다. ${p.keyword} ["program", "arg"] ` +
      `같은 JSON 형식을 권장합니다.`,
  },
});

export const JSONArgsRecommended: StageRule = {
  code: 'JSONArgsRecommended',
  kind: 'build-check',
  scope: 'stage',
  messages,
  severity: 'warning',
  docs: buildCheckDocs('json-args-recommended'),
  description: text(
    'Use JSON (exec form) arguments for CMD and ENTRYPOINT so the program receives OS signals.',
    'CMD와 ENTRYPOINT는 프로그램이 OS 시그널을 받도록 JSON(exec 형식) 인자로 씁니다.',
  ),
  category: 'buildkit',
  equivalents: [
    { tool: 'buildkit', id: 'JSONArgsRecommended' },
    { tool: 'hadolint', id: 'DL3025' },
    { tool: 'droast', id: 'DF025' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nCMD node server.js\n', range: '1:4-1:18' }],
    valid: ['FROM alpine\nSHELL ["/bin/bash", "-c"]\nCMD node server.js\nENTRYPOINT ["node"]\n'],
  },
  check(stage) {
    const findings: Finding[] = [];
    for (const instruction of stage.instructions) {
      if (
        (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') ||
        instruction.exec ||
        !instruction.rest ||
        stage.before(instruction).shellSet
      )
        continue;
      const execFix = execFormFix(instruction);
      findings.push({
        range: instruction.rest.range,
        message: messages.shellForm({ keyword: instruction.keyword }),
        fixes: execFix ? [execFix] : undefined,
      });
    }
    return findings;
  },
};
