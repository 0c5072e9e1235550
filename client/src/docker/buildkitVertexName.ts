// Reads BuildKit's vertex names for Dockerfile steps: "[2/3] RUN make", "[build 2/5] COPY . .",
// "[linux/arm64 build  3/12] RUN go build", "[stage-1 1/2] FROM docker.io/library/alpine".
// "[internal] load build definition" and "exporting to image" are not steps. Pure.
import { keywordOf } from './buildOutput';

export interface BuildkitStepName {
  /** The stage name BuildKit printed (named stage, or `stage-N`); undefined for a single unnamed stage. */
  readonly stage: string | undefined;
  readonly index: number;
  readonly total: number;
  /** The instruction text, e.g. `RUN make`. */
  readonly instruction: string;
  readonly keyword: string;
}

const stepNamePattern = /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s+(.*)$/;

export function parseBuildkitVertexName(name: string): BuildkitStepName | undefined {
  const match = stepNamePattern.exec(name.trim());
  if (match === null) return undefined;
  const prefixWords = (match[1] ?? '').split(/\s+/).filter((word) => word !== '');
  // Platforms ("linux/amd64", "linux/amd64->arm64") contain "/"; stage names cannot.
  const stage = prefixWords.filter((word) => !word.includes('/')).pop();
  const instruction = match[4] ?? '';
  return { stage, index: Number(match[2]), total: Number(match[3]), instruction, keyword: keywordOf(instruction) };
}
