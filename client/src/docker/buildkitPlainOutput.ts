// Parses BuildKit's `--progress=plain` output:
//   #5 [build 2/3] RUN make        (first line of vertex #5: its name)
//   #5 0.203 compiling...          (log line: seconds since the vertex started, then text)
//   #5 CACHED | #5 DONE 1.2s | #5 ERROR: <message> | #5 CANCELED
// followed, on failure, by the error report (see BuildkitErrorReport).
import type { Translator } from '../l10n/translator';
import {
  buildEndedMessage,
  keepLine,
  type BuildOutputParser,
  type BuildStep,
  type ParsedBuildOutput,
} from './buildOutput';
import { BuildkitErrorReport } from './buildkitErrorReport';
import { parseBuildkitVertexName } from './buildkitVertexName';

const vertexLine = /^#(\d+) (.*)$/;
const doneLine = /^DONE (\d+(?:\.\d+)?)s$/;
const logLine = /^\d+\.\d+ (.*)$/;
const writingImageLine = /^writing image (sha256:[0-9a-f]{64})/;
const namingLine = /^naming to (\S+)/;
const vertexDigestLine = /^sha256:[0-9a-f]{64}$/;

interface VertexState {
  readonly name: string;
  readonly step: BuildStep | undefined;
  readonly firstSeenAt: number;
}

export class BuildkitPlainOutputParser implements BuildOutputParser {
  private readonly vertices = new Map<string, VertexState>();
  private readonly steps: BuildStep[] = [];
  private readonly report = new BuildkitErrorReport();
  private imageId: string | undefined;
  private readonly tags: string[] = [];

  /** `l10n` words the failure when the builder printed no message of its own. */
  constructor(private readonly l10n: Translator) {}

  push(line: string, atMs: number): void {
    const match = vertexLine.exec(line);
    if (match === null) {
      this.report.push(line);
      return;
    }
    const id = `#${match[1] ?? ''}`;
    const text = match[2] ?? '';
    const vertex = this.vertices.get(id);
    if (vertex === undefined) {
      const stepName = parseBuildkitVertexName(text);
      const step: BuildStep | undefined =
        stepName === undefined
          ? undefined
          : {
              id,
              instruction: stepName.instruction,
              keyword: stepName.keyword,
              position: { kind: 'buildkit', stage: stepName.stage, index: stepName.index, total: stepName.total },
              status: 'incomplete',
              output: [],
            };
      if (step !== undefined) this.steps.push(step);
      this.vertices.set(id, { name: text, step, firstSeenAt: atMs });
      return;
    }
    if (text === vertex.name) return; // plain mode repeats the name when it switches back to a vertex
    if (vertexDigestLine.test(text)) return; // BuildKit 20.10 prints each vertex's digest after its name
    const step = vertex.step;
    const done = doneLine.exec(text);
    if (done !== null) {
      if (step !== undefined) {
        if (step.status !== 'cached') step.status = 'ran';
        step.durationMs = Math.round(Number(done[1]) * 1000);
      }
      return;
    }
    if (text === 'CACHED') {
      if (step !== undefined) {
        step.status = 'cached';
        step.durationMs = 0;
      }
      return;
    }
    if (text === 'CANCELED') {
      if (step !== undefined) {
        step.status = 'canceled';
        step.durationMs = atMs - vertex.firstSeenAt;
      }
      return;
    }
    if (text.startsWith('ERROR: ') || text.startsWith('ERROR ')) {
      if (step !== undefined) {
        step.status = 'failed';
        step.errorMessage = text.replace(/^ERROR:?\s*/, '');
        step.durationMs = atMs - vertex.firstSeenAt;
      }
      return;
    }
    const image = writingImageLine.exec(text);
    if (image !== null) this.imageId = image[1];
    const naming = namingLine.exec(text);
    if (naming?.[1] !== undefined) this.tags.push(naming[1].replace(/^docker\.io\/library\//, ''));
    if (step !== undefined) keepLine(step, logLine.exec(text)?.[1] ?? text);
  }

  finish(exitCode: number | null, _atMs: number): ParsedBuildOutput {
    return finishBuildkitParse('buildkit-plain', this.steps, this.report, exitCode, this.imageId, this.tags, this.l10n);
  }
}

/** Shared end of both BuildKit parsers: settles unfinished steps and builds the failure. */
export function finishBuildkitParse(
  format: 'buildkit-plain' | 'buildkit-rawjson',
  steps: BuildStep[],
  report: BuildkitErrorReport,
  exitCode: number | null,
  imageId: string | undefined,
  tags: readonly string[],
  l10n: Translator,
): ParsedBuildOutput {
  for (const step of steps) {
    if (step.status === 'incomplete' && exitCode !== 0) step.status = 'canceled';
  }
  const failedStep =
    steps.find(
      (step) =>
        step.status === 'failed' &&
        report.failedStepName !== undefined &&
        report.failedStepName.endsWith(step.instruction),
    ) ?? steps.find((step) => step.status === 'failed');
  let failure: ParsedBuildOutput['failure'];
  if (exitCode !== 0 || failedStep !== undefined) {
    const message = failedStep?.errorMessage ?? report.finalMessage ?? buildEndedMessage(exitCode, l10n);
    failure = { message, stepId: failedStep?.id, dockerfileLine: report.dockerfileLine };
  }
  return { format, steps, failure, imageId, tags };
}
