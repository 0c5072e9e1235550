// `{a,b}/Dockerfile` and `x/{1..3}/*` on the command line: braces expanded into the globs they
// stand for by `braces` (micromatch's expander), each glob then matched in linear time by
// discovery.ts. A regular-expression glob library is not used for matching: picomatch 4 takes over
// a second for `**/*a*a*a*a*a*a*a*aX` on a 40-character name and doubles with each `*a`.
// Expansion multiplies (`{a,b}` twenty times is a million globs), so its size is bounded first.
import braces from 'braces';
import type { LocalizedText } from '../../core/src/rules';
import { showControls as shown } from './terminalText';

/** The most globs one command-line pattern may expand to. */
export const MAX_BRACE_GLOBS = 1000;
const MAX_PATTERN_LENGTH = 4096;
/** A range whose size is not read here counts as braces' own limit for one range. */
const RANGE_LIMIT = 1000;

export function hasBraces(pattern: string): boolean {
  return pattern.includes('{');
}

/** The globs a pattern stands for, or why it cannot be expanded. */
export function expandBraces(pattern: string): string[] | LocalizedText {
  if (!hasBraces(pattern)) return [pattern];
  const tooMany: LocalizedText = {
    en: `${shown(pattern.slice(0, 200))} expands to more than ${MAX_BRACE_GLOBS} globs; split it`,
    ko: `${shown(pattern.slice(0, 200))}은(는) 글롭 ${MAX_BRACE_GLOBS}개보다 많이 펼쳐집니다. 나눠서 주세요`,
  };
  if (pattern.length > MAX_PATTERN_LENGTH || expansionBound(pattern) > MAX_BRACE_GLOBS) return tooMany;
  try {
    const globs = [...new Set(braces.expand(pattern, { rangeLimit: RANGE_LIMIT }))];
    return globs.length > MAX_BRACE_GLOBS ? tooMany : globs;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      en: `cannot expand the braces of ${shown(pattern.slice(0, 200))}: ${reason}`,
      ko: `${shown(pattern.slice(0, 200))}의 중괄호를 펼칠 수 없습니다: ${reason}`,
    };
  }
}

/**
 * At least as many globs as the pattern expands to, in one pass: the product over brace groups
 * of one more than the commas inside each (nested ones included), or the size of a range group.
 * Stops counting once past the limit.
 */
export function expansionBound(pattern: string): number {
  const open: { start: number; commas: number }[] = [];
  let bound = 1;
  for (let i = 0; i < pattern.length && bound <= MAX_BRACE_GLOBS; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '{') open.push({ start: i, commas: 0 });
    else if (ch === ',') for (const group of open) group.commas++;
    else if (ch === '}') {
      const group = open.pop();
      if (group === undefined) continue;
      const body = pattern.slice(group.start + 1, i);
      bound *= group.commas > 0 ? group.commas + 1 : rangeSize(body);
    }
    // Commas counted into every open group make this quadratic in the nesting depth: cap it.
    if (open.length > 64) return Infinity;
  }
  return bound;
}

/** How many values `{from..to}` or `{from..to..step}` stands for; 1 for a body that is no range. */
function rangeSize(body: string): number {
  const parts = body.split('..');
  if (parts.length < 2 || parts.length > 3) return 1;
  const [from, to] = parts.map(Number) as [number, number];
  if (Number.isInteger(from) && Number.isInteger(to)) return Math.min(Math.abs(to - from) + 1, RANGE_LIMIT);
  return parts[0]!.length === 1 && parts[1]!.length === 1 ? 128 : RANGE_LIMIT;
}
