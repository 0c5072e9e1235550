// The shell that RUN uses in each stage: /bin/sh -c unless a SHELL instruction (in the stage or
// in the stage it builds on) says otherwise.
import type { Dockerfile, Instruction } from '../../parser';
import { imageStages, type BuildStage, stagesOf } from './stages';

export interface StageShell {
  /** A POSIX-like shell (sh, bash, ...); false for PowerShell or cmd, whose RUNs we do not read. */
  posix: boolean;
  /** Started with `-o pipefail`. */
  pipefail: boolean;
}

const DEFAULT: StageShell = { posix: true, pipefail: false };

export function shellOf(instruction: Instruction): StageShell {
  const strings = instruction.exec?.strings.map((s) => s.value) ?? [];
  const program = strings[0] ?? '';
  const posix = /(^|[/\\])(sh|bash|dash|ash|ksh|mksh|zsh)(\.exe)?$/i.test(program);
  let pipefail = false;
  for (let i = 1; i < strings.length; i++) {
    if (/^[-+][a-zA-Z]*o$/.test(strings[i]!) && strings[i + 1] === 'pipefail') pipefail = strings[i]!.startsWith('-');
  }
  return { posix, pipefail };
}

export interface RunInContext {
  instruction: Instruction;
  stage: BuildStage;
  /** The shell RUN uses there. */
  shell: StageShell;
  /** The stage ends up in the image (the final stage or one it is built on). */
  shipped: boolean;
}

const runsCache = new WeakMap<Dockerfile, RunInContext[]>();

/**
 * Every shell-form RUN with its stage and shell, in order; one linear pass per tree, shared by
 * the rules. Each stage starts from the shell its base stage ended with.
 */
export function runsOf(tree: Dockerfile): RunInContext[] {
  let runs = runsCache.get(tree);
  if (runs) return runs;
  runs = [];
  const shipped = imageStages(tree);
  const atEnd = new Map<BuildStage, StageShell>();
  for (const stage of stagesOf(tree)) {
    let shell = (stage.baseStage && atEnd.get(stage.baseStage)) ?? DEFAULT;
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'SHELL' && instruction.exec) shell = shellOf(instruction);
      if (instruction.keyword === 'RUN' && !instruction.exec) runs.push({ instruction, stage, shell, shipped: shipped.has(stage) });
    }
    atEnd.set(stage, shell);
  }
  runsCache.set(tree, runs);
  return runs;
}
