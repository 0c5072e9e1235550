// Custom requests and notifications between the Layerwise client and server, typed once here
// and imported by both sides.

/** Prefix of every Layerwise-specific LSP method. */
export const METHOD_PREFIX = 'layerwise/';

/**
 * The client command the "Build this stage" code lens runs (the docker client's Build Image):
 * builds the Dockerfile at `documentUri` with `--target <target>`, without asking for a target.
 */
export const BUILD_STAGE_COMMAND = 'layerwise.docker.buildImage';

export interface BuildStageOptions {
  target: string;
}

export type BuildStageArguments = [documentUri: string, options: BuildStageOptions];

/** The options a build command was run with, when well formed (menus and the palette pass none). */
export function readBuildStageOptions(value: unknown): BuildStageOptions | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const target = (value as { target?: unknown }).target;
  return typeof target === 'string' && target !== '' ? { target } : undefined;
}
