// The shell that RUN uses in each stage: /bin/sh -c unless a SHELL instruction (in the stage or
// in the stage it builds on) says otherwise.
import type { Instruction } from '../../parser';
import type { BuildStage } from '../../model';

export interface StageShell {
  /** A POSIX-like shell (sh, bash, ...); false for PowerShell or cmd, whose RUNs we do not read. */
  posix: boolean;
  /** Started with `-o pipefail`. */
  pipefail: boolean;
}

/** What RUN uses until a SHELL instruction says otherwise. */
export const DEFAULT_SHELL: StageShell = { posix: true, pipefail: false };

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

export const sameShell = (a: StageShell, b: StageShell): boolean => a.posix === b.posix && a.pipefail === b.pipefail;

/** The stage's shell-form RUNs with the shell each runs under, and the shell the stage ends with. */
export function shellRuns(
  stage: BuildStage,
  inherited: StageShell,
): { runs: { instruction: Instruction; shell: StageShell }[]; shell: StageShell } {
  const runs: { instruction: Instruction; shell: StageShell }[] = [];
  let shell = inherited;
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'SHELL' && instruction.exec) shell = shellOf(instruction);
    if (instruction.keyword === 'RUN' && !instruction.exec) runs.push({ instruction, shell });
  }
  return { runs, shell };
}
