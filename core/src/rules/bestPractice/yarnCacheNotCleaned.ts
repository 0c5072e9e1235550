// `yarn install` keeps a copy of every package it downloads in yarn's cache folder (Yarn 1:
// /usr/local/share/.cache/yarn for root, ~/.cache/yarn otherwise), next to node_modules. In an
// image that copy is dead weight: clean it in the same RUN, or keep it in a cache mount.
import type { Instruction } from '../../parser';
import { runShell, type ShellCommand } from '../../shell';
import { defineMessages } from '../messages';
import type { Finding } from '../rule';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, cacheMountTargets, callRange, startsAfter, toolCalls } from './support';

/** Subcommands that download packages into the cache; bare `yarn` installs too. */
const DOWNLOADS = new Set(['install', 'add']);

const messages = defineMessages({
  cacheStays: {
    en: () =>
      'yarn keeps a copy of every package it downloads in its cache folder, and that copy stays in this layer. ' +
      'End the RUN with yarn cache clean, or use a cache mount ' +
      '(--mount=type=cache,target=/usr/local/share/.cache/yarn).',
    ko: () =>
      'yarn은 내려받은 모든 패키지의 사본을 캐시 폴더에 두고, 그 사본이 이 레이어에 남습니다. RUN 끝에 yarn cache clean을 ' +
      '실행하거나 캐시 마운트(--mount=type=cache,target=/usr/local/share/.cache/yarn)를 쓰세요.',
  },
});

/** Options that ask yarn about itself instead of installing. */
const INFO_OPTIONS = new Set(['-v', '--version', '-h', '--help']);

/** Bare `yarn` (options only) installs, unless it only prints its version or help. */
const bareInstall = (command: ShellCommand): boolean =>
  command.args.every((arg) => arg.value?.startsWith('-') && !INFO_OPTIONS.has(arg.value));

/** A cache mount on a yarn cache folder (any folder named for yarn, or a whole ~/.cache). */
const mountsYarnCache = (instruction: Instruction): boolean =>
  cacheMountTargets(instruction).some((target) => /yarn|\.cache$/.test(target));

/** `rm -rf /usr/local/share/.cache/yarn`, `rm -rf "$(yarn cache dir)"`, ... after `install`. */
function removesYarnCache(instruction: Instruction, install: ShellCommand): boolean {
  const shell = runShell(instruction);
  return (
    shell?.commands.some(
      (command) =>
        command.program === 'rm' &&
        startsAfter(command, install) &&
        command.args.some((arg) => /yarn|\.cache/.test(arg.value ?? arg.raw)),
    ) ?? false
  );
}

export const yarnCacheNotCleaned = shellRunRule(
  {
    code: 'YarnCacheNotCleaned',
    messages,
    severity: 'info',
    docs: `${BEST_PRACTICES}#run`,
    description: {
      en:
        'yarn install leaves a copy of every downloaded package in the yarn cache; clean it in the same RUN, or use ' +
        'a cache mount, so it does not stay in the layer.',
      ko: 'yarn install은 내려받은 모든 패키지의 사본을 yarn 캐시에 남깁니다. 레이어에 남지 않도록 같은 RUN에서 지우거나 캐시 마운트를 쓰세요.',
    },
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3060' },
      { tool: 'droast', id: 'DF055' },
    ],
    examples: {
      invalid: [{ dockerfile: 'FROM node:22\nRUN yarn install --frozen-lockfile\n', range: '1:4-1:16' }],
      valid: ['FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n'],
    },
  },
  (instruction) => {
    const calls = toolCalls(instruction, ['yarn']);
    const installs = calls.filter((call) => {
      const sub = call.subcommand?.value;
      if (sub === 'global') return call.line.operands[1]?.value === 'add';
      return sub === undefined ? bareInstall(call.command) : DOWNLOADS.has(sub);
    });
    const last = installs[installs.length - 1];
    if (!last || mountsYarnCache(instruction) || removesYarnCache(instruction, last.command)) return [];
    const cleaned = calls.some(
      (call) =>
        call.subcommand?.value === 'cache' &&
        call.line.operands[1]?.value === 'clean' &&
        startsAfter(call.command, last.command),
    );
    if (cleaned) return [];
    return [{ range: callRange(installs[0]!), message: messages.cacheStays() } satisfies Finding];
  },
  { shippedOnly: true },
);
