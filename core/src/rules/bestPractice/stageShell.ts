// The shell that RUN uses at each RUN of a stage, as the model tracks it: /bin/sh -c unless a
// SHELL instruction (in the stage or in a stage it builds on) says otherwise.
import type { Instruction } from '../../parser';
import type { Stage, StageShell } from '../../model';

export type { StageShell } from '../../model';

/**
 * The stage's shell-form RUNs with the shell each runs under, in order, ONBUILD RUN triggers
 * included (they run under the shell the stage hands down to images built on it).
 */
export function shellRuns(stage: Stage): { instruction: Instruction; shell: StageShell }[] {
  const runs: { instruction: Instruction; shell: StageShell }[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'RUN' && !instruction.exec)
      runs.push({ instruction, shell: stage.before(instruction).shell });
    const trigger = instruction.trigger;
    if (trigger?.keyword === 'RUN' && !trigger.exec) runs.push({ instruction: trigger, shell: stage.handsDown.shell });
  }
  return runs;
}
