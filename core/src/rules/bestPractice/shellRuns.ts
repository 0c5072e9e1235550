// Every RUN whose commands the shell rules read, seen alike: the stage's shell-form RUNs (with the
// heredoc bodies they run, which the shell view includes) and its ONBUILD RUN triggers, each with
// the SHELL and the package settings in effect where it runs.
import type { Instruction } from '../../parser';
import type { Stage, StageState } from '../../model';
import type { Finding, StageRule } from '../rule';
import { memoFindings } from './instructionMemo';

export interface ShellRun {
  /** The RUN whose shell view is read: the instruction itself, or an ONBUILD's trigger. */
  run: Instruction;
  /** The instruction of the stage that holds it (the ONBUILD for a trigger). */
  at: Instruction;
  /**
   * What is in effect when it runs: before the RUN; for a trigger, what the stage hands down, as a
   * trigger runs right after the FROM of a build on this image, whose SHELL and ENV it inherits.
   */
  state: StageState;
  /** What is in effect after it (its own settings included); for a trigger, the same as `state`. */
  after: StageState;
}

/**
 * The stage's shell-form RUNs and ONBUILD RUN triggers under any SHELL, in source order. A summary
 * of the stage record (no positions, only instructions and states): the dozen shell rules that
 * each walk it per stage share one walk, on the first check and on every stage an edit re-made.
 */
export function shellFormRuns(stage: Stage): readonly ShellRun[] {
  return stage.summary(collectShellFormRuns);
}

function collectShellFormRuns(stage: Stage): ShellRun[] {
  const runs: ShellRun[] = [];
  for (const at of stage.instructions) {
    const run = at.keyword === 'ONBUILD' ? at.trigger : at;
    if (run?.keyword !== 'RUN' || run.exec) continue;
    const state = run === at ? stage.before(at) : stage.handsDown;
    runs.push({ run, at, state, after: run === at ? stage.after(at) : state });
  }
  return runs;
}

/** `shellFormRuns` under a POSIX-like SHELL: PowerShell and cmd scripts are not read as POSIX shell. */
const posixShellRuns = (stage: Stage): ShellRun[] => shellFormRuns(stage).filter((run) => run.state.shell.posix);

/** `posixShellRuns`, one summary shared by every `shellRunRule`. */
const everyShellRun = (stage: Stage): readonly ShellRun[] => stage.summary(posixShellRuns);

export interface ShellRunOptions {
  /** Only stages that end up in the image: size advice about builder stages is noise. */
  shippedOnly?: boolean;
  /** Leaves a RUN alone because of what is in effect there (an ENV setting, an apt.conf.d file). */
  skip?: (run: ShellRun) => boolean;
}

/**
 * A stage rule made of a per-RUN check that reads one RUN alone (memoised per instruction, so
 * re-checking a stage recomputes only the RUNs an edit touched), run on every shell run of the stage.
 */
export function shellRunRule(
  rule: Omit<StageRule, 'scope' | 'check'>,
  checkRun: (run: Instruction) => Finding[],
  options: ShellRunOptions = {},
): StageRule {
  // Keyed by the stage's instruction, so a trigger's findings are made once with their ONBUILD attached.
  const checkMemo = memoFindings((at: Instruction): Finding[] => {
    const run = at.trigger ?? at;
    const findings = checkRun(run);
    // `# check=skip` and quick-fix lookups go by the instruction of the stage: the ONBUILD.
    return run === at ? findings : findings.map((finding) => ({ ...finding, instruction: at }));
  });
  return {
    ...rule,
    scope: 'stage',
    check(stage) {
      const findings: Finding[] = [];
      if (options.shippedOnly && !stage.shipped) return findings;
      for (const run of everyShellRun(stage)) if (!options.skip?.(run)) findings.push(...checkMemo(run.at));
      return findings;
    },
  };
}
