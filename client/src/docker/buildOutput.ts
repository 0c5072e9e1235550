// The builder-independent shape of what a `docker build` printed: its steps (cached or ran,
// how long, the image each produced) and the failure, if any. Produced by the classic,
// BuildKit plain, BuildKit rawjson and buildah (podman) parsers.
import type { Translator } from '../l10n/translator';

export type BuildOutputFormat = 'classic' | 'buildkit-plain' | 'buildkit-rawjson' | 'buildah' | 'unknown';

export type StepStatus = 'cached' | 'ran' | 'failed' | 'canceled' | 'incomplete';

/** Where the builder says a step sits in the Dockerfile. */
export type StepPosition =
  /** Classic builder: "Step 3/7": the 3rd instruction of the file (global ARGs included). */
  | { readonly kind: 'classic'; readonly step: number; readonly total: number }
  /**
   * BuildKit: "[build 2/5]": the 2nd layer-making instruction of stage `stage` (FROM counts when it
   * names an image).
   */
  | { readonly kind: 'buildkit'; readonly stage: string | undefined; readonly index: number; readonly total: number }
  /**
   * Buildah (podman build): "[2/3] STEP 4/5": the 4th instruction (FROM is the 1st) of the 2nd stage of the
   * file. `stage` is undefined when only one stage is built (no "[i/n]" prefix): then it is the first.
   */
  | { readonly kind: 'buildah'; readonly stage: number | undefined; readonly step: number; readonly total: number };

export interface BuildStep {
  /** Stable within one build: the step number, `#5`, or the vertex digest. */
  readonly id: string;
  /** The instruction as the builder printed it, e.g. `RUN make`. */
  readonly instruction: string;
  /** Upper-case keyword of `instruction` (`RUN`, `COPY`, ...). */
  readonly keyword: string;
  readonly position: StepPosition;
  status: StepStatus;
  /** Wall time of the step, when the output tells (BuildKit) or the lines' timing shows (classic). */
  durationMs?: number | undefined;
  /** Classic builder and buildah: the short id of the image this step produced. */
  imageId?: string | undefined;
  /** The builder's message when this step failed. */
  errorMessage?: string | undefined;
  /** Last lines the step printed (bounded). */
  readonly output: string[];
}

interface BuildFailure {
  readonly message: string;
  /** The step that failed, when known. */
  readonly stepId?: string | undefined;
  /** 1-based Dockerfile line the builder pointed at (BuildKit's error excerpt), when it did. */
  readonly dockerfileLine?: number | undefined;
}

export interface ParsedBuildOutput {
  readonly format: BuildOutputFormat;
  readonly steps: readonly BuildStep[];
  readonly failure?: BuildFailure | undefined;
  /** Final image id when the output names it. */
  readonly imageId?: string | undefined;
  readonly tags: readonly string[];
}

/** Consumes output lines as they arrive; `finish` tells how the build ended. */
export interface BuildOutputParser {
  /** `atMs` is when the line arrived (used for durations when the builder prints none). */
  push(line: string, atMs: number): void;
  finish(exitCode: number | null, atMs: number): ParsedBuildOutput;
}

/** How many lines of output each step keeps. */
const keptLinesPerStep = 40;

export function keepLine(step: BuildStep, line: string): void {
  step.output.push(line);
  if (step.output.length > keptLinesPerStep) step.output.splice(0, step.output.length - keptLinesPerStep);
}

/** The failure message when the builder printed none: the build was stopped, or exited with a code. */
export function buildEndedMessage(exitCode: number | null, l10n: Translator): string {
  return exitCode === null
    ? l10n.t('The build was stopped.')
    : l10n.t('The build exited with code {0}.', String(exitCode));
}

/**
 * The failure of a line-based build (classic, buildah) that printed none and did not exit 0: its
 * last line, or how it ended, on the step still open, which failed or was canceled by it.
 */
export function unprintedFailure(
  exitCode: number | null,
  openStep: BuildStep | undefined,
  lastLine: string,
  l10n: Translator,
): ParsedBuildOutput['failure'] {
  if (exitCode === 0) return undefined;
  const message = lastLine || buildEndedMessage(exitCode, l10n);
  if (openStep !== undefined) {
    openStep.status = exitCode === null ? 'canceled' : 'failed';
    openStep.errorMessage = message;
  }
  return { message, stepId: openStep?.id };
}

export function keywordOf(instruction: string): string {
  const word = /^\s*(?:ONBUILD\s+)?([A-Za-z]+)/i.exec(instruction);
  return word?.[1]?.toUpperCase() ?? '';
}
