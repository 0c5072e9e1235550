// Reading JSON that neither side can trust (a container CLI's output, a message from the other end)
// with every list and string cut to a size a real image config never reaches. Used by the client to
// read `image inspect` and by the server to read the client's answer.

/** Lists and strings beyond these are cut: an image's config is small, a hostile one is not. */
const maxItems = 256;
export const maxChars = 4096;

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string, cut; undefined for anything else. */
export const boundedText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.slice(0, maxChars) : undefined;

/** The strings of a list, cut, others left out; undefined when it is not a list. */
export function boundedStrings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .slice(0, maxItems)
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.slice(0, maxChars));
}

/** The first items of a list (nothing when it is not one). */
export const boundedItems = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, maxItems) : []);

/** The keys of a set-like object (`{"80/tcp": {}}`), cut. */
export const boundedKeys = (value: unknown): string[] =>
  isJsonObject(value)
    ? Object.keys(value)
        .slice(0, maxItems)
        .map((key) => key.slice(0, maxChars))
    : [];

/** The string-valued entries of an object (labels), cut. */
export function boundedLabels(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isJsonObject(value)) return result;
  for (const [key, label] of Object.entries(value).slice(0, maxItems))
    if (typeof label === 'string') result[key.slice(0, maxChars)] = label.slice(0, maxChars);
  return result;
}
