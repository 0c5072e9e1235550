// Helpers for build-output tests: fixture files, feeding text through the detecting parser, and
// mapping a parsed fixture build onto the instructions of a fixture Dockerfile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordBuild } from '../../client/src/build/buildRecord';
import type { DockerfileBuildResult } from '../../client/src/build/buildResults';
import type { BuilderKind } from '../../client/src/docker/builderDetection';
import type { ParsedBuildOutput } from '../../client/src/docker/buildOutput';
import { DetectingBuildOutputParser } from '../../client/src/docker/buildOutputParser';
import { parseImageHistory } from '../../client/src/docker/imageHistory';
import { OutputLineSplitter } from '../../client/src/docker/outputLines';
import { outlineDockerfile } from '../../client/src/docker/parsedDockerfile';
import { english } from '../../client/src/l10n/translator';

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../client/fixtures', name), 'utf8');
}

/** Feeds text line by line, one millisecond apart, and finishes with `exitCode`. */
export function parseText(text: string, exitCode: number | null): ParsedBuildOutput {
  const parser = new DetectingBuildOutputParser(english);
  const splitter = new OutputLineSplitter();
  let at = 0;
  for (const line of [...splitter.push(text), ...splitter.flush()]) {
    at += 1;
    parser.push(line, at);
  }
  return parser.finish(exitCode, at + 1);
}

/** "id keyword status" per step the parser found. */
export function stepSummary(parsed: ParsedBuildOutput): string[] {
  return parsed.steps.map((step) => `${step.id} ${step.keyword} ${step.status}`);
}

/**
 * The build of fixture `dockerfile` that printed `parsed`, as the extension records it: exit code
 * from the failure, layer sizes from fixture `history` (`docker history` lines) when given.
 */
export function recordFixtureBuild(
  parsed: ParsedBuildOutput,
  builder: BuilderKind,
  dockerfile: string,
  target: string | undefined,
  history?: string,
): DockerfileBuildResult {
  return recordBuild(
    {
      dockerfileUri: 'file:///w/Dockerfile',
      imageTag: 'x',
      target,
      buildArgs: {},
      startedAt: 0,
      finishedAt: 1000,
      exitCode: parsed.failure === undefined ? 0 : 1,
      canceled: false,
      parsed,
      outline: outlineDockerfile(fixture(dockerfile)),
      layers: history === undefined ? [] : parseImageHistory(fixture(history)),
      builder,
    },
    english,
  );
}

/** "line keyword status" per instruction of a recorded build (1-based lines). */
export function instructionLines(result: DockerfileBuildResult): string[] {
  return result.instructions.map(
    (instruction) => `${instruction.startLine + 1} ${instruction.keyword} ${instruction.status}`,
  );
}
