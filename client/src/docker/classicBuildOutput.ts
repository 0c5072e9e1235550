// Parses the classic (legacy) builder's output:
//   Step 3/7 : RUN make
//    ---> Using cache            (cached)      or    ---> Running in 42bbfc95ff24   (ran)
//    ---> 62e64ef37b60           (the image this step produced)
//   The command '/bin/sh -c make' returned a non-zero code: 2
//   Successfully built 82220b502cb6 / Successfully tagged app:latest
// The classic builder prints no timings: a step lasts from its "Step" line to the next one.
import type { Translator } from '../l10n/translator';
import {
  keepLine,
  keywordOf,
  unprintedFailure,
  type BuildOutputParser,
  type BuildStep,
  type ParsedBuildOutput,
} from './buildOutput';

const stepLine = /^Step (\d+)\/(\d+) : (.*)$/;
const arrowLine = /^ ---> (.*)$/;
const imageIdPattern = /^[0-9a-f]{12,64}$/;
const nonZeroLine = /^The command .* returned a non-zero code: \d+/;
const builtLine = /^Successfully built ([0-9a-f]{12,64})$/;
const taggedLine = /^Successfully tagged (\S+)$/;
/** Daemon errors the classic builder prints as the last line, e.g. "COPY failed: ...". */
const errorLine = /^(?:[A-Z]+ failed: |ERROR: |Error response from daemon: |error |unable to |failed to )/i;

export class ClassicBuildOutputParser implements BuildOutputParser {
  private readonly steps: BuildStep[] = [];
  private current: BuildStep | undefined;
  private currentStartedAt = 0;
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
      this.closeCurrent(atMs);
      const instruction = step[3] ?? '';
      this.current = {
        id: step[1] ?? '',
        instruction,
        keyword: keywordOf(instruction),
        position: { kind: 'classic', step: Number(step[1]), total: Number(step[2]) },
        status: 'incomplete',
        output: [],
      };
      this.currentStartedAt = atMs;
      this.steps.push(this.current);
      return;
    }
    const arrow = arrowLine.exec(line);
    if (arrow !== null && this.current !== undefined) {
      const value = (arrow[1] ?? '').trim();
      if (value === 'Using cache') this.current.status = 'cached';
      else if (value.startsWith('Running in ')) this.current.status = 'ran';
      else if (imageIdPattern.test(value)) this.current.imageId = value;
      return;
    }
    const built = builtLine.exec(line);
    if (built !== null) {
      this.closeCurrent(atMs);
      this.imageId = built[1];
      return;
    }
    const tagged = taggedLine.exec(line);
    if (tagged !== null) {
      if (tagged[1] !== undefined) this.tags.push(tagged[1]);
      return;
    }
    if (line.startsWith('Removing intermediate container ')) return;
    if (nonZeroLine.test(line) || (this.current !== undefined && errorLine.test(line))) {
      this.failureMessage = line.trim();
      this.failedStep = this.current;
      if (this.current !== undefined) {
        this.current.status = 'failed';
        this.current.errorMessage = line.trim();
      }
      return;
    }
    if (line.trim() !== '') this.lastOtherLine = line.trim();
    if (this.current !== undefined) keepLine(this.current, line);
  }

  finish(exitCode: number | null, atMs: number): ParsedBuildOutput {
    const failedAt = this.current;
    this.closeCurrent(atMs);
    const failure =
      this.failureMessage !== undefined
        ? { message: this.failureMessage, stepId: this.failedStep?.id }
        : unprintedFailure(exitCode, failedAt, this.lastOtherLine, this.l10n);
    return { format: 'classic', steps: this.steps, failure, imageId: this.imageId, tags: this.tags };
  }

  private closeCurrent(atMs: number): void {
    const step = this.current;
    if (step === undefined) return;
    step.durationMs = Math.max(0, atMs - this.currentStartedAt);
    // A step that neither used the cache nor started a container (FROM, a COPY, a global ARG)
    // still completed when the builder moved on.
    if (step.status === 'incomplete') step.status = 'ran';
    this.current = undefined;
  }
}
