// Custom requests and notifications between the Layerwise client and server, typed once here
// and imported by both sides.

/** Prefix of every Layerwise-specific LSP method. */
export const METHOD_PREFIX = 'layerwise/';

/**
 * The client command the "Build this stage" code lens runs: builds the Dockerfile at
 * `documentUri` with `--target <target>`.
 */
export const BUILD_STAGE_COMMAND = 'layerwise.buildImage';

export type BuildStageArguments = [documentUri: string, options: { target: string }];
