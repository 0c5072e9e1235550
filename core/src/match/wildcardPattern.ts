// A compiled wildcard pattern and the questions it answers, each in one linear-time pass.

import type { PatternPart } from './parts';
import { compileProgram } from './program';
import { Machine, type Span } from './simulate';

export type { Span } from './simulate';

export class WildcardPattern {
  private readonly forward: Machine;
  private backwardMachine: Machine | undefined;

  constructor(readonly parts: readonly PatternPart[]) {
    this.forward = new Machine(compileProgram(parts, false));
  }

  /** Whether the whole text matches. */
  matches(text: string): boolean {
    return this.forward.matchesWhole(text);
  }

  /** Every `end` (ascending) such that text.slice(from, end) matches. */
  prefixEnds(text: string, from = 0): number[] {
    return this.forward.allMatchEnds(text, from, false);
  }

  /** Every `start` (ascending) such that text.slice(start, end) matches; `end` defaults to the text's end. */
  suffixStarts(text: string, end = text.length): number[] {
    return this.backward.allMatchEnds(text, end, true).reverse();
  }

  /**
   * The first match starting at or after `from`, chosen as Go's regexp (and any backtracking
   * engine) chooses: the leftmost start, then greedy parts as long and lazy parts as short as
   * the rest of the pattern allows, earlier parts first.
   */
  find(text: string, from = 0): Span | undefined {
    return this.forward.firstMatch(text, from, false, false);
  }

  /** Like `find` anchored at `from` (a `^` regexp): the end of the chosen prefix match, if any. */
  matchPrefix(text: string, from = 0): number | undefined {
    return this.forward.firstMatch(text, from, false, true)?.end;
  }

  /**
   * The start of the suffix match chosen when the pattern and the text are both reversed and
   * matched as `matchPrefix` (how BuildKit implements `${VAR%pattern}`), if any.
   */
  matchSuffix(text: string, end = text.length): number | undefined {
    return this.backward.firstMatch(text, end, true, true)?.end;
  }

  private get backward(): Machine {
    this.backwardMachine ??= new Machine(compileProgram(this.parts, true));
    return this.backwardMachine;
  }
}

export function compilePattern(parts: readonly PatternPart[]): WildcardPattern {
  return new WildcardPattern(parts);
}
