// Small helpers every rule module shares: documentation links, messages, edits.
import { comparePositions, type Range } from '../parser';
import type { Fix, LocalizedText, TextEdit } from './rule';

/** BuildKit's page for one build check, by its kebab-case name. */
export function buildCheckDocs(kebabName: string): string {
  return `https://docs.docker.com/reference/build-checks/${kebabName}/`;
}

/** A section of the Dockerfile reference. */
export function referenceDocs(anchor: string): string {
  return `https://docs.docker.com/reference/dockerfile/#${anchor}`;
}

export function text(en: string, ko: string): LocalizedText {
  return { en, ko };
}

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

export function fix(en: string, ko: string, edits: TextEdit[]): Fix {
  return { title: { en, ko }, edits };
}

/** Whether builder expansion may change the text (then its final value is unknown here). */
export function hasVariable(value: string): boolean {
  return value.includes('$');
}

/** Whether `inner` lies within `outer`. */
export function rangeWithin(inner: Range, outer: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}
