// Turns one finished build (parsed output + the Dockerfile outline + image history) into the
// DockerfileBuildResult kept in the store. Pure.
import { type BuilderKind, builderOfOutput } from '../docker/builderDetection';
import { buildEndedMessage, type ParsedBuildOutput } from '../docker/buildOutput';
import type { DockerfileOutline } from '../docker/dockerfileOutline';
import type { ImageLayer } from '../docker/imageHistory';
import type { Translator } from '../l10n/translator';
import type { DockerfileBuildResult, InstructionBuildResult } from './buildResults';
import { layerSizesByChain } from './historyAlignment';
import { layerSizesByInstruction } from './layerSizes';
import { locateFailure, locateSteps } from './stepLocations';
import { notBuiltInstructions } from './unbuiltStages';

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
  /** The builder detection expected; the output may correct it. */
  readonly builder?: BuilderKind | undefined;
}

/** `l10n` words the failure when neither the builder nor the parser gave a message. */
export function recordBuild(build: FinishedBuild, l10n: Translator): DockerfileBuildResult {
  const located = locateSteps(build.parsed, build.outline, build.buildArgs);
  const sizes =
    build.parsed.format === 'buildah'
      ? layerSizesByChain(build.outline, build.target, build.layers)
      : layerSizesByInstruction(located, build.layers, build.outline);
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
  for (const index of notBuiltInstructions(build.outline, build.target, located)) {
    const instruction = build.outline.instructions[index];
    if (instruction === undefined) continue;
    instructions.push({
      instructionIndex: index,
      startLine: instruction.startLine,
      endLine: instruction.endLine,
      keyword: instruction.keyword,
      status: 'not-built',
      durationMs: undefined,
      sizeBytes: undefined,
      errorMessage: undefined,
    });
  }
  instructions.sort((a, b) => a.instructionIndex - b.instructionIndex);
  const failure = locateFailure(build.parsed, build.outline, located);
  const succeeded = build.exitCode === 0 && build.parsed.failure === undefined;
  return {
    dockerfileUri: build.dockerfileUri,
    imageTag: build.imageTag,
    target: build.target,
    imageId: build.imageId ?? build.parsed.imageId,
    format: build.parsed.format,
    builder: build.builder === undefined ? undefined : builderOfOutput(build.builder, build.parsed.format),
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
