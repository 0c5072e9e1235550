// Results that depend only on one document version (and the given key), kept with that
// version: VS Code asks for symbols, folding ranges, links and lenses again on every focus,
// scroll or save, usually for a version it has asked about before.
import type { AnalysedDocument } from './analysedDocument';

const cache = new WeakMap<AnalysedDocument, Map<string, { inputs: readonly unknown[]; value: unknown }>>();

/** `compute()` once per (document version, key, inputs compared by identity). */
export function perVersion<T>(
  document: AnalysedDocument,
  key: string,
  inputs: readonly unknown[],
  compute: () => T,
): T {
  let entries = cache.get(document);
  if (!entries) {
    entries = new Map();
    cache.set(document, entries);
  }
  const cached = entries.get(key);
  if (cached && cached.inputs.length === inputs.length && cached.inputs.every((input, i) => input === inputs[i]))
    return cached.value as T;
  const value = compute();
  entries.set(key, { inputs, value });
  return value;
}
