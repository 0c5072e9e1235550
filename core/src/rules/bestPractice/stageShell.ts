// The shell that RUN uses at each RUN of a stage, as the model tracks it: /bin/sh -c unless a
// SHELL instruction (in the stage or in a stage it builds on) says otherwise.
import type { Instruction } from '../../parser';
import type { Stage, StageShell } from '../../model';

export { DEFAULT_SHELL, shellOf, type StageShell } from '../../model';

/** The stage's shell-form RUNs with the shell each runs under. */
export function shellRuns(stage: Stage): { instruction: Instruction; shell: StageShell }[] {
  const runs: { instruction: Instruction; shell: StageShell }[] = [];
  for (const instruction of stage.instructions)
    if (instruction.keyword === 'RUN' && !instruction.exec)
      runs.push({ instruction, shell: stage.before(instruction).shell });
  return runs;
}
