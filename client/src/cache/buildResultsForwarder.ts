// Sends each finished build's per-instruction results to the server (layerwise/buildResults),
// which shows them in the layer hints. Reads any store with the shape of the build feature's
// BuildResultStore (client/src/build/buildResults.ts), so this module does not depend on it.
import type { BuildResultsParams, BuildStepOutcome } from '../../../protocol/src/protocol';

interface BuiltInstruction {
  readonly startLine: number;
  readonly keyword: string;
  readonly status: string;
  readonly durationMs: number | undefined;
  readonly sizeBytes: number | undefined;
}

export interface BuildOutcome {
  readonly dockerfileUri: string;
  readonly instructions: readonly BuiltInstruction[];
  /** The Dockerfile changed since: the server already drops what no longer holds. */
  readonly stale: boolean;
}

export interface BuildResultSource {
  onDidChange(listener: (dockerfileUri: string, result: BuildOutcome | undefined) => void): { dispose(): void };
}

const OUTCOMES: ReadonlySet<string> = new Set<BuildStepOutcome>([
  'cached',
  'ran',
  'failed',
  'canceled',
  'incomplete',
  'not-built',
]);

/** The notification for one store change; undefined when there is nothing new to say. */
export function buildResultsParams(
  dockerfileUri: string,
  result: BuildOutcome | undefined,
): BuildResultsParams | undefined {
  if (!result) return { uri: dockerfileUri, instructions: [] };
  if (result.stale) return undefined;
  return {
    uri: dockerfileUri,
    instructions: result.instructions
      .filter((i) => OUTCOMES.has(i.status))
      .map((i) => ({
        line: i.startLine,
        keyword: i.keyword,
        status: i.status as BuildStepOutcome,
        durationMs: i.durationMs,
        sizeBytes: i.sizeBytes,
      })),
  };
}

/** Forwards every change of `source` with `send` until disposed. */
export function forwardBuildResults(
  source: BuildResultSource,
  send: (params: BuildResultsParams) => void,
): { dispose(): void } {
  return source.onDidChange((uri, result) => {
    const params = buildResultsParams(uri, result);
    if (params) send(params);
  });
}
