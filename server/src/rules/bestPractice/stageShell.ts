// The shell that RUN uses in each stage: /bin/sh -c unless a SHELL instruction (in the stage or
// in the stage it builds on) says otherwise.
import type { Dockerfile, Instruction } from '../../parser';
import { type BuildStage, stagesOf } from './stages';

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

/**
 * Calls `visit` for every instruction of every stage with the shell in effect there. Linear:
 * each stage starts from the shell its base stage ended with.
 */
export function forEachWithShell(tree: Dockerfile, visit: (instruction: Instruction, shell: StageShell, stage: BuildStage) => void): void {
  const atEnd = new Map<BuildStage, StageShell>();
  for (const stage of stagesOf(tree)) {
    let shell = (stage.baseStage && atEnd.get(stage.baseStage)) ?? DEFAULT;
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'SHELL' && instruction.exec) shell = shellOf(instruction);
      visit(instruction, shell, stage);
    }
    atEnd.set(stage, shell);
  }
}
