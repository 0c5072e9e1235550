// One build per Dockerfile at a time. Each build gets a generation number when it starts; only
// the newest generation of a Dockerfile may record its result, so a build that was replaced
// (or that ignored being stopped) cannot overwrite a newer one. Starting a build while another
// of the same Dockerfile runs is a question for the user: stop it and start again, or keep it.
// Pure: the question is asked by the caller.
import type { Translator } from '../l10n/translator';

export interface RunningBuild {
  readonly dockerfileUri: string;
  readonly generation: number;
  readonly imageTag: string;
  readonly startedAt: number;
}

/** What the user answered when a build of the same Dockerfile was running. */
export type RunningBuildAnswer = 'restart' | 'keep';

export type BuildStartAttempt =
  | { readonly kind: 'started'; readonly build: BuildTicket }
  /** Another build of this Dockerfile runs: ask, then try again with `replace: running.generation`. */
  | { readonly kind: 'busy'; readonly running: RunningBuild };

/** What to do after asking: start (stopping the running one) or keep the running one and start nothing. */
export type RunningBuildDecision =
  | { readonly kind: 'restart'; readonly replace: number }
  | { readonly kind: 'keep'; readonly running: RunningBuild };

/** A dismissed question (Escape, closed dialog) keeps the running build: nothing is stopped unasked. */
export function decideOnRunningBuild(
  running: RunningBuild,
  answer: RunningBuildAnswer | undefined,
): RunningBuildDecision {
  return answer === 'restart' ? { kind: 'restart', replace: running.generation } : { kind: 'keep', running };
}

/** The question, in the words of the other client messages. */
export function runningBuildQuestion(
  fileName: string,
  running: RunningBuild,
  now: number,
  l10n: Translator,
): { message: string; detail: string } {
  const seconds = Math.max(0, Math.round((now - running.startedAt) / 1000));
  const age = seconds < 60 ? l10n.t('{0} s', seconds) : l10n.t('{0} min', Math.floor(seconds / 60));
  return {
    message: l10n.t('A build of {0} ({1}) is still running.', fileName, running.imageTag),
    detail: l10n.t(
      'It started {0} ago. Stop it and start this build, or keep it running and do not start another.',
      age,
    ),
  };
}

export interface BuildTicket {
  readonly generation: number;
  /** True while no newer build of the same Dockerfile has started: only then may it record its result. */
  isCurrent(): boolean;
  /** The build ended (result recorded or dropped): the Dockerfile is free again. */
  release(): void;
}

interface Slot {
  readonly info: RunningBuild;
  readonly stop: () => void;
  readonly reveal: (() => void) | undefined;
}

export class BuildTracker {
  private nextGeneration = 1;
  /** The newest generation started per Dockerfile, running or not. */
  private readonly newest = new Map<string, number>();
  private readonly running = new Map<string, Slot>();

  /** The build of this Dockerfile that is running, if any. */
  runningBuild(dockerfileUri: string): RunningBuild | undefined {
    return this.running.get(dockerfileUri)?.info;
  }

  /** Shows the running build's terminal, when it has one to show. */
  reveal(dockerfileUri: string): boolean {
    const reveal = this.running.get(dockerfileUri)?.reveal;
    reveal?.();
    return reveal !== undefined;
  }

  /**
   * Starts a build of `dockerfileUri` unless another one runs. With `replace`, the running
   * build of that generation (the one the user agreed to stop) is stopped and this one starts;
   * any other running build still makes it busy. `stop` ends this build when it is replaced.
   */
  tryStart(
    dockerfileUri: string,
    imageTag: string,
    handle: { readonly stop: () => void; readonly reveal?: (() => void) | undefined },
    options: { readonly replace?: number | undefined; readonly now?: number | undefined } = {},
  ): BuildStartAttempt {
    const current = this.running.get(dockerfileUri);
    if (current !== undefined) {
      if (current.info.generation !== options.replace) return { kind: 'busy', running: current.info };
      this.running.delete(dockerfileUri);
      current.stop();
    }
    const generation = this.nextGeneration++;
    const info: RunningBuild = { dockerfileUri, generation, imageTag, startedAt: options.now ?? Date.now() };
    this.newest.set(dockerfileUri, generation);
    this.running.set(dockerfileUri, { info, stop: handle.stop, reveal: handle.reveal });
    return {
      kind: 'started',
      build: {
        generation,
        isCurrent: () => this.newest.get(dockerfileUri) === generation,
        release: () => {
          if (this.running.get(dockerfileUri)?.info.generation === generation) this.running.delete(dockerfileUri);
        },
      },
    };
  }

  /** Stops every running build (extension deactivation). */
  stopAll(): void {
    for (const slot of [...this.running.values()]) slot.stop();
    this.running.clear();
  }
}
