// Turns one finished build (parsed output + the Dockerfile outline + image history) into the
// DockerfileBuildResult kept in the store. Pure.
import { buildEndedMessage, type ParsedBuildOutput } from '../docker/buildOutput';
import type { DockerfileOutline } from '../docker/dockerfileOutline';
import type { ImageLayer } from '../docker/imageHistory';
import type { Translator } from '../l10n/translator';
import type { DockerfileBuildResult, InstructionBuildResult } from './buildResults';
import { layerSizesByInstruction } from './layerSizes';
import { locateFailure, locateSteps } from './stepLocations';

export interface FinishedBuild {
  readonly dockerfileUri: string;
  readonly imageTag: string;
  readonly target: string | undefined;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly exitCode: number | null;
  readonly canceled: boolean;
  readonly parsed: ParsedBuildOutput;
  readonly outline: DockerfileOutline;
  /** `docker history` of the built image; empty when the build failed. */
  readonly layers: readonly ImageLayer[];
  readonly imageId?: string | undefined;
}

/** `l10n` words the failure when neither the builder nor the parser gave a message. */
export function recordBuild(build: FinishedBuild, l10n: Translator): DockerfileBuildResult {
  const located = locateSteps(build.parsed, build.outline, build.buildArgs);
  const sizes = layerSizesByInstruction(located, build.layers, build.outline);
  const instructions: InstructionBuildResult[] = located.map((step) => ({
    instructionIndex: step.instructionIndex,
    startLine: step.startLine,
    endLine: step.endLine,
    keyword: step.keyword,
    status: step.status,
    durationMs: step.durationMs,
    sizeBytes: sizes.get(step.instructionIndex),
    errorMessage: step.errorMessage,
  }));
  const failure = locateFailure(build.parsed, build.outline, located);
  const succeeded = build.exitCode === 0 && build.parsed.failure === undefined;
  return {
    dockerfileUri: build.dockerfileUri,
    imageTag: build.imageTag,
    target: build.target,
    imageId: build.imageId ?? build.parsed.imageId,
    format: build.parsed.format,
    startedAt: build.startedAt,
    durationMs: Math.max(0, build.finishedAt - build.startedAt),
    succeeded,
    canceled: build.canceled,
    instructions,
    failure:
      succeeded || build.canceled
        ? undefined
        : failure !== undefined
          ? { startLine: failure.startLine, endLine: failure.endLine, message: failure.message }
          : build.parsed.failure !== undefined
            ? { startLine: undefined, endLine: undefined, message: build.parsed.failure.message }
            : { startLine: undefined, endLine: undefined, message: buildEndedMessage(build.exitCode, l10n) },
    stale: false,
  };
}
