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

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(text: string, index: number): boolean {
  const char = text[index];
  return char !== undefined && char.trim() === '';
}

/**
 * "[<prefix> <index>/<total>] <instruction>", read with scans: the first "]" closes the
 * bracket, the numbers are read backwards from it. (The pattern this replaces,
 * /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s+(.*)$/, backtracked quadratically on a long run of digits
 * in the prefix, and a stage name is the user's.)
 */
export function parseBuildkitVertexName(name: string): BuildkitStepName | undefined {
  const text = name.trim();
  if (!text.startsWith('[')) return undefined;
  const close = text.indexOf(']');
  if (close === -1 || !isSpace(text, close + 1)) return undefined;
  let cursor = close;
  while (cursor > 1 && isDigit(text.charCodeAt(cursor - 1))) cursor--;
  const total = text.slice(cursor, close);
  if (total === '' || text[cursor - 1] !== '/') return undefined;
  const slash = cursor - 1;
  cursor = slash;
  while (cursor > 1 && isDigit(text.charCodeAt(cursor - 1))) cursor--;
  const index = text.slice(cursor, slash);
  if (index === '') return undefined;
  const prefixWords = text
    .slice(1, cursor)
    .split(/\s+/)
    .filter((word) => word !== '');
  // Platforms ("linux/amd64", "linux/amd64->arm64") contain "/"; stage names cannot.
  const stage = prefixWords.filter((word) => !word.includes('/')).pop();
  const instruction = text.slice(close + 1).trimStart();
  return { stage, index: Number(index), total: Number(total), instruction, keyword: keywordOf(instruction) };
}
