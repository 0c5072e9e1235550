// Parses buildah's output (`podman build`, `buildah build`):
//   [2/3] STEP 4/5: RUN make     (the 4th instruction, FROM first, of the file's 2nd stage;
//                                 no "[i/n]" when only one stage is built)
//   --> Using cache <full id>    (cached)
//   --> <short id>               (the step is done: the image it produced)
//   [3/3] COMMIT app             (the last stage is written; its last step's "-->" follows)
//   Successfully tagged localhost/app:latest, then the full image id
//   Error: building at STEP "RUN make": while running runtime: exit status 2
// A step that needs another stage (COPY --from, FROM <stage>) waits while that stage builds,
// so "-->" closes the step started last that is still open. FROM prints no "-->": it ends when
// the next step of its stage starts. Buildah prints no timings: durations come from the lines.
import type { Translator } from '../l10n/translator';
import {
  keepLine,
  keywordOf,
  unprintedFailure,
  type BuildOutputParser,
  type BuildStep,
  type ParsedBuildOutput,
} from './buildOutput';

const stepLine = /^(?:\[(\d+)\/\d+\] )?STEP (\d+)\/(\d+): (.*)$/;
const commitLine = /^(?:\[\d+\/\d+\] )?COMMIT\b/;
const arrowPrefix = '--> ';
const cachePrefix = 'Using cache ';
const imageIdPattern = /^[0-9a-f]{11,64}$/;
const fullImageIdPattern = /^[0-9a-f]{64}$/;
const taggedLine = /^Successfully tagged (\S+)$/;
const errorPrefix = 'Error: ';
/** Lines that only report progress of the build itself, not of a step. */
const buildLevelLine =
  /^(?:Getting image source signatures|Copying (?:blob|config) |Writing manifest |Storing signatures)/;

/** Shown before the build starts (see DetectingBuildOutputParser). */
export const buildahStepLine = /^(?:\[\d+\/\d+\] )?STEP \d+\/\d+: /;

interface OpenStep {
  readonly step: BuildStep;
  readonly stageKey: string;
  readonly startedAt: number;
}

export class BuildahOutputParser implements BuildOutputParser {
  private readonly steps: BuildStep[] = [];
  /** Steps that wait for their "-->", newest last. */
  private readonly awaiting: OpenStep[] = [];
  /** Per stage ("" when unnumbered), its step started last and not closed yet. */
  private readonly lastOfStage = new Map<string, OpenStep>();
  private failureMessage: string | undefined;
  private failedStep: BuildStep | undefined;
  private imageId: string | undefined;
  private readonly tags: string[] = [];
  private lastOtherLine = '';

  /** `l10n` words the failure when the builder printed no message of its own. */
  constructor(private readonly l10n: Translator) {}

  push(line: string, atMs: number): void {
    const step = stepLine.exec(line);
    if (step !== null) {
      this.startStep(step[1], Number(step[2]), Number(step[3]), step[4] ?? '', atMs);
      return;
    }
    if (line.startsWith(arrowPrefix)) {
      this.arrow(line.slice(arrowPrefix.length).trim(), atMs);
      return;
    }
    if (commitLine.test(line)) return;
    const tagged = taggedLine.exec(line);
    if (tagged?.[1] !== undefined) {
      this.tags.push(tagged[1].replace(/^localhost\//, ''));
      return;
    }
    if (fullImageIdPattern.test(line.trim())) {
      this.imageId = line.trim();
      return;
    }
    if (line.startsWith(errorPrefix)) {
      this.fail(line.slice(errorPrefix.length).trim(), atMs);
      return;
    }
    if (line.trim() === '' || buildLevelLine.test(line)) return;
    this.lastOtherLine = line.trim();
    const current = this.awaiting.at(-1)?.step;
    if (current !== undefined) keepLine(current, line);
  }

  finish(exitCode: number | null, atMs: number): ParsedBuildOutput {
    const open = [...this.awaiting, ...this.lastOfStage.values()];
    const failure =
      this.failureMessage !== undefined
        ? { message: this.failureMessage, stepId: this.failedStep?.id }
        : unprintedFailure(exitCode, this.awaiting.at(-1)?.step, this.lastOtherLine, this.l10n);
    for (const { step, startedAt } of open) {
      step.durationMs ??= Math.max(0, atMs - startedAt);
      if (step.status === 'incomplete') step.status = exitCode === 0 ? 'ran' : 'canceled';
    }
    return { format: 'buildah', steps: this.steps, failure, imageId: this.imageId, tags: this.tags };
  }

  private startStep(stageText: string | undefined, number: number, total: number, instruction: string, atMs: number) {
    const stageKey = stageText ?? '';
    // The previous step of this stage is done once the next one starts (FROM never prints "-->").
    const previous = this.lastOfStage.get(stageKey);
    if (previous !== undefined) this.close(previous, atMs);
    const keyword = keywordOf(instruction);
    const step: BuildStep = {
      id: `${stageKey}:${number}`,
      instruction,
      keyword,
      position: {
        kind: 'buildah',
        stage: stageText === undefined ? undefined : Number(stageText),
        step: number,
        total,
      },
      status: 'incomplete',
      output: [],
    };
    this.steps.push(step);
    const open = { step, stageKey, startedAt: atMs };
    this.lastOfStage.set(stageKey, open);
    if (keyword !== 'FROM') this.awaiting.push(open);
  }

  private arrow(value: string, atMs: number): void {
    const top = this.awaiting.at(-1);
    if (value.startsWith(cachePrefix)) {
      if (top === undefined) return;
      top.step.status = 'cached';
      const id = value.slice(cachePrefix.length).trim();
      if (imageIdPattern.test(id)) top.step.imageId = id.slice(0, 12);
      return;
    }
    if (!imageIdPattern.test(value)) return;
    if (top === undefined) {
      this.imageId ??= value;
      return;
    }
    top.step.imageId ??= value.slice(0, 12);
    this.close(top, atMs);
  }

  /** Ends an open step: it ran unless the cache was used. */
  private close(open: OpenStep, atMs: number): void {
    const { step } = open;
    const waiting = this.awaiting.lastIndexOf(open);
    if (waiting !== -1) this.awaiting.splice(waiting, 1);
    if (this.lastOfStage.get(open.stageKey) === open) this.lastOfStage.delete(open.stageKey);
    step.durationMs ??= Math.max(0, atMs - open.startedAt);
    if (step.status === 'incomplete') step.status = 'ran';
  }

  /** `Error: building at STEP "<instruction>": <why>`: the open step with that instruction failed. */
  private fail(message: string, atMs: number): void {
    // Buildah ends with one "Error:"; a later one (output of a step) does not move the failure.
    if (this.failureMessage !== undefined) return;
    this.failureMessage = message;
    // Newest first: steps waiting for their "-->", then FROMs still open (a base image that failed to pull).
    const open = [...[...this.awaiting].reverse(), ...[...this.lastOfStage.values()].reverse()];
    const named = open.find((candidate) => message.startsWith(`building at STEP "${candidate.step.instruction}": `));
    const failed = named ?? open[0];
    if (failed === undefined) return;
    failed.step.status = 'failed';
    failed.step.errorMessage = message;
    failed.step.durationMs = Math.max(0, atMs - failed.startedAt);
    this.failedStep = failed.step;
  }
}
