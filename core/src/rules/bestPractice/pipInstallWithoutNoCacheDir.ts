import type { Finding } from '../rule';
import type { Instruction } from '../../parser';
import { hasOption, runShell, type ShellCommand } from '../../shell';
import { pipCalls } from './pip';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, cacheMountTargets, callRange, cleansFolder, insertAfter, startsAfter } from './support';
import { defineMessages } from '../messages';

const SETTING = 'PIP_NO_CACHE_DIR';

const messages = defineMessages({
  keepsCache: {
    en: () => 'pip install keeps its download cache in this layer. Add --no-cache-dir.',
    ko: () => 'pip install이 내려받은 캐시를 이 레이어에 남깁니다. --no-cache-dir를 추가하세요.',
  },
});

export const pipInstallWithoutNoCacheDir = shellRunRule(
  {
    messages,
    code: 'PipInstallWithoutNoCacheDir',
    severity: 'info',
    docs: `${BEST_PRACTICES}#run`,
    description: {
      en:
        'pip keeps downloaded wheels in ~/.cache/pip; ' +
        '--no-cache-dir (or ENV PIP_NO_CACHE_DIR=1, or a cache mount) keeps them out of the image.',
      ko: 'pip는 내려받은 wheel을 ~/.cache/pip에 남깁니다. --no-cache-dir(또는 ENV PIP_NO_CACHE_DIR=1, 캐시 마운트)를 쓰면 이미지에 남지 않습니다.',
    },
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3042' },
      { tool: 'droast', id: 'DF030' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM python:3.12\nRUN pip install flask\n', range: '1:4-1:15' },
        { dockerfile: 'FROM python:3.12\nONBUILD RUN pip install flask\n', range: '1:12-1:23' },
      ],
      valid: [
        'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
        'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n',
      ],
    },
  },
  checkRun,
  // PIP_NO_CACHE_DIR given a value by ENV or ARG (here or in a stage this one builds on), as the model tracks it.
  { shippedOnly: true, skip: (run) => run.state.pipNoCacheDir },
);

/** Where pip keeps its cache when run as root (the usual case in a build). */
const CACHE_FOLDERS = ['/root/.cache', '/root/.cache/pip', '~/.cache', '~/.cache/pip'];

function checkRun(instruction: Instruction): Finding[] {
  if (cacheMountTargets(instruction).some((target) => /(^|\/)\.cache(\/pip)?$/.test(target))) return [];
  const exported = exportsOf(instruction, SETTING);
  // A removal counts only after the install: one before it leaves the new downloads in the layer.
  return pipCalls(instruction, 'install')
    .filter(
      (call) =>
        !hasOption(call.line, 'no-cache-dir', 'cache-dir') &&
        !call.command.assignments.includes(SETTING) &&
        !exported.some((command) => startsAfter(call.command, command)) &&
        !CACHE_FOLDERS.some((folder) => cleansFolder(instruction, folder, call.command)),
    )
    .map((call) => ({
      range: callRange(call),
      message: messages.keepsCache(),
      fixes: [insertAfter(call.subcommand!, '--no-cache-dir', { en: 'Add --no-cache-dir', ko: '--no-cache-dir 추가' })],
    }));
}

/** `export NAME=...` commands of the RUN: what later commands of the same script see. */
function exportsOf(instruction: Instruction, name: string): ShellCommand[] {
  const shell = runShell(instruction);
  if (!shell) return [];
  return shell.commands.filter(
    (command) => command.program === 'export' && command.args.some((arg) => arg.raw.startsWith(`${name}=`)),
  );
}
