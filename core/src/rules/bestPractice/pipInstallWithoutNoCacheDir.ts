import type { Finding, StageRule } from '../rule';
import type { Instruction } from '../../parser';
import { hasOption } from '../../shell';
import { memoFindings } from './instructionMemo';
import { pipCalls } from './pip';
import { BEST_PRACTICES, cacheMountTargets, callRange, cleansFolder, insertAfter } from './support';
import { defineMessages } from '../messages';

const SETTING = 'PIP_NO_CACHE_DIR';

/** Reads from the model whether PIP_NO_CACHE_DIR is set (ENV or ARG, here or in a stage this one builds on). */
const messages = defineMessages({
  keepsCache: {
    en: () => 'pip install keeps its download cache in this layer. Add --no-cache-dir.',
    ko: () => 'pip install이 내려받은 캐시를 이 레이어에 남깁니다. --no-cache-dir를 추가하세요.',
  },
});

export const pipInstallWithoutNoCacheDir: StageRule = {
  scope: 'stage',
  messages,
  code: 'PipInstallWithoutNoCacheDir',
  severity: 'info',
  docs: `${BEST_PRACTICES}#run`,
  description: {
    en: 'pip keeps downloaded wheels in ~/.cache/pip; --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1, or a cache mount) keeps them out of the image.',
    ko: 'pip는 내려받은 wheel을 ~/.cache/pip에 남깁니다. --no-cache-dir(또는 ENV PIP_NO_CACHE_DIR=1, 캐시 마운트)를 쓰면 이미지에 남지 않습니다.',
  },
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3042' },
    { tool: 'droast', id: 'DF030' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM python:3.12\nRUN pip install flask\n', range: '1:4-1:15' }],
    valid: ['FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n'],
  },
  check(stage) {
    const findings: Finding[] = [];
    if (!stage.shipped) return findings;
    for (const instruction of stage.instructions)
      if (instruction.keyword === 'RUN' && !stage.before(instruction).pipNoCacheDir)
        findings.push(...checkRun(instruction));
    return findings;
  },
};

const checkRun = memoFindings((instruction: Instruction): Finding[] => {
  if (
    cacheMountTargets(instruction).some((target) => /(^|\/)\.cache(\/pip)?$/.test(target)) ||
    cleansFolder(instruction, '/root/.cache') ||
    cleansFolder(instruction, '/root/.cache/pip') ||
    cleansFolder(instruction, '~/.cache') ||
    cleansFolder(instruction, '~/.cache/pip')
  )
    return [];
  return pipCalls(instruction, 'install')
    .filter((call) => !hasOption(call.line, 'no-cache-dir', 'cache-dir') && !call.command.assignments.includes(SETTING))
    .map((call) => ({
      range: callRange(call),
      message: messages.keepsCache(),
      fixes: [insertAfter(call.subcommand!, '--no-cache-dir', { en: 'Add --no-cache-dir', ko: '--no-cache-dir 추가' })],
    }));
});
