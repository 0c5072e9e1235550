// The shell that RUN uses at each RUN of a stage, as the model tracks it: /bin/sh -c unless a
// SHELL instruction (in the stage or in a stage it builds on) says otherwise.
import type { Instruction } from '../../parser';
import type { Stage, StageShell } from '../../model';
import { shellFormRuns } from './shellRuns';

export type { StageShell } from '../../model';

/**
 * The stage's shell-form RUNs with the shell each runs under, in order, ONBUILD RUN triggers
 * included (they run under the shell the stage hands down to images built on it).
 */
export function shellRuns(stage: Stage): { instruction: Instruction; shell: StageShell }[] {
  return shellFormRuns(stage).map(({ run, state }) => ({ instruction: run, shell: state.shell }));
}
