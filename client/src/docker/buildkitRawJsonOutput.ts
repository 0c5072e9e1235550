// Parses BuildKit's `--progress=rawjson` output: one SolveStatus JSON object per line,
//   {"vertexes":[{"digest","inputs","name","started","completed","cached","error"}],
//    "statuses":[{"id","vertex","name","current","total","timestamp","started","completed"}],
//    "logs":[{"vertex","stream","data" (base64),"timestamp"}], "warnings":[...]}
// Updates for a vertex repeat its fields; the latest wins. Lines that are not JSON (the final
// error report on stderr) go to BuildkitErrorReport. Input is untrusted: every field is checked.
import type { Translator } from '../l10n/translator';
import { keepLine, type BuildOutputParser, type BuildStep, type ParsedBuildOutput } from './buildOutput';
import { BuildkitErrorReport } from './buildkitErrorReport';
import { parseBuildkitVertexName } from './buildkitVertexName';
import { finishBuildkitParse } from './buildkitPlainOutput';
import { maxLineChars } from './outputLines';

interface VertexTimes {
  started?: number;
  completed?: number;
}

function field(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[key] : undefined;
}

function stringField(record: unknown, key: string): string | undefined {
  const value = field(record, key);
  return typeof value === 'string' ? value : undefined;
}

function timeField(record: unknown, key: string): number | undefined {
  const value = stringField(record, key);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function listField(record: unknown, key: string): unknown[] {
  const value = field(record, key);
  return Array.isArray(value) ? value : [];
}

export class BuildkitRawJsonOutputParser implements BuildOutputParser {
  private readonly stepsByDigest = new Map<string, BuildStep>();
  private readonly ignoredDigests = new Set<string>();
  private readonly times = new Map<string, VertexTimes>();
  private readonly steps: BuildStep[] = [];
  private readonly report = new BuildkitErrorReport();
  private readonly partialLogLines = new Map<string, string>();

  /** `l10n` words the failure when the builder printed no message of its own. */
  constructor(private readonly l10n: Translator) {}

  push(line: string, _atMs: number): void {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) {
      this.report.push(line);
      return;
    }
    let status: unknown;
    try {
      status = JSON.parse(trimmed);
    } catch {
      return;
    }
    for (const vertex of listField(status, 'vertexes')) this.applyVertex(vertex);
    for (const log of listField(status, 'logs')) this.applyLog(log);
  }

  finish(exitCode: number | null, _atMs: number): ParsedBuildOutput {
    for (const [digest, rest] of this.partialLogLines) {
      const step = this.stepsByDigest.get(digest);
      if (step !== undefined && rest !== '') keepLine(step, rest);
    }
    return finishBuildkitParse('buildkit-rawjson', this.steps, this.report, exitCode, undefined, [], this.l10n);
  }

  private applyVertex(vertex: unknown): void {
    const digest = stringField(vertex, 'digest');
    if (digest === undefined || this.ignoredDigests.has(digest)) return;
    let step = this.stepsByDigest.get(digest);
    if (step === undefined) {
      const stepName = parseBuildkitVertexName(stringField(vertex, 'name') ?? '');
      if (stepName === undefined) {
        this.ignoredDigests.add(digest);
        return;
      }
      step = {
        id: digest,
        instruction: stepName.instruction,
        keyword: stepName.keyword,
        position: { kind: 'buildkit', stage: stepName.stage, index: stepName.index, total: stepName.total },
        status: 'incomplete',
        output: [],
      };
      this.stepsByDigest.set(digest, step);
      this.steps.push(step);
    }
    const times = this.times.get(digest) ?? {};
    times.started = timeField(vertex, 'started') ?? times.started;
    times.completed = timeField(vertex, 'completed') ?? times.completed;
    this.times.set(digest, times);

    const error = stringField(vertex, 'error');
    if (field(vertex, 'cached') === true) {
      step.status = 'cached';
      step.durationMs = 0;
    } else if (error !== undefined && error !== '') {
      step.status = /context canceled|cancel/i.test(error) ? 'canceled' : 'failed';
      step.errorMessage = error;
    } else if (times.completed !== undefined && step.status === 'incomplete') {
      step.status = 'ran';
    }
    if (step.status !== 'cached' && times.started !== undefined && times.completed !== undefined) {
      step.durationMs = Math.max(0, times.completed - times.started);
    }
  }

  private applyLog(log: unknown): void {
    const digest = stringField(log, 'vertex');
    const data = stringField(log, 'data');
    if (digest === undefined || data === undefined) return;
    const step = this.stepsByDigest.get(digest);
    if (step === undefined) return;
    const text = (this.partialLogLines.get(digest) ?? '') + Buffer.from(data, 'base64').toString('utf8');
    const lines = text.split('\n');
    // An unfinished line is carried to the next log record, cut to maxLineChars so that output
    // without newlines is not re-split from its start at every record.
    this.partialLogLines.set(digest, (lines.pop() ?? '').slice(0, maxLineChars));
    for (const line of lines) keepLine(step, (line.endsWith('\r') ? line.slice(0, -1) : line).slice(0, maxLineChars));
  }
}
