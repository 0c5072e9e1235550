// What each build did, per Dockerfile: a small typed store keyed by the Dockerfile's URI
// string, which other features (layer-cache hints) read. Pure: no 'vscode' import.
import type { BuilderKind } from '../docker/builderDetection';
import type { BuildOutputFormat, StepStatus } from '../docker/buildOutput';

/** What a build did with an instruction: a step's status, or not built (its stage was not needed). */
export type InstructionOutcome = StepStatus | 'not-built';

export interface InstructionBuildResult {
  /** Index into the Dockerfile's instructions at build time. */
  readonly instructionIndex: number;
  /** 0-based first and last line of the instruction at build time. */
  readonly startLine: number;
  readonly endLine: number;
  readonly keyword: string;
  readonly status: InstructionOutcome;
  readonly durationMs: number | undefined;
  /** Bytes the instruction's layer added, where `docker history` tells. */
  readonly sizeBytes: number | undefined;
  readonly errorMessage: string | undefined;
}

interface BuildFailureResult {
  readonly startLine: number | undefined;
  readonly endLine: number | undefined;
  readonly message: string;
}

export interface DockerfileBuildResult {
  readonly dockerfileUri: string;
  readonly imageTag: string;
  readonly target: string | undefined;
  readonly imageId: string | undefined;
  readonly format: BuildOutputFormat;
  /** The builder that ran: detected before the build, confirmed by its output. */
  readonly builder?: BuilderKind | undefined;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly succeeded: boolean;
  /** The user stopped the build. */
  readonly canceled: boolean;
  readonly instructions: readonly InstructionBuildResult[];
  readonly failure: BuildFailureResult | undefined;
  /** True once the Dockerfile was edited after this build: lines may no longer match. */
  readonly stale: boolean;
}

export interface CacheSummary {
  readonly steps: number;
  readonly cached: number;
  readonly ran: number;
}

export function cacheSummary(result: Pick<DockerfileBuildResult, 'instructions'>): CacheSummary {
  const steps = result.instructions.filter(
    (instruction) =>
      instruction.status !== 'not-built' && (instruction.keyword !== 'FROM' || instruction.status === 'cached'),
  );
  return {
    steps: steps.length,
    cached: steps.filter((instruction) => instruction.status === 'cached').length,
    ran: steps.filter((instruction) => instruction.status === 'ran').length,
  };
}

export type BuildResultListener = (dockerfileUri: string, result: DockerfileBuildResult | undefined) => void;

export class BuildResultStore {
  private readonly results = new Map<string, DockerfileBuildResult>();
  private readonly listeners = new Set<BuildResultListener>();

  get(dockerfileUri: string): DockerfileBuildResult | undefined {
    return this.results.get(dockerfileUri);
  }

  entries(): ReadonlyMap<string, DockerfileBuildResult> {
    return this.results;
  }

  set(result: DockerfileBuildResult): void {
    this.results.set(result.dockerfileUri, result);
    this.emit(result.dockerfileUri, result);
  }

  /** Keeps the result but records that the file changed since. */
  markStale(dockerfileUri: string): void {
    const result = this.results.get(dockerfileUri);
    if (result === undefined || result.stale) return;
    const stale = { ...result, stale: true };
    this.results.set(dockerfileUri, stale);
    this.emit(dockerfileUri, stale);
  }

  delete(dockerfileUri: string): void {
    if (this.results.delete(dockerfileUri)) this.emit(dockerfileUri, undefined);
  }

  onDidChange(listener: BuildResultListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(dockerfileUri: string, result: DockerfileBuildResult | undefined): void {
    for (const listener of [...this.listeners]) listener(dockerfileUri, result);
  }
}

/** The store the extension fills; the layer-cache feature reads it. */
export const buildResults = new BuildResultStore();
