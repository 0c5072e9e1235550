// The client's answer to layerwise/imageFacts, read field by field into core's ImageFacts: what
// comes over the wire is checked, never trusted to have the promised shape.
import type { ImageFacts } from '../../../core/src/model/imageFacts';
import {
  boundedItems,
  boundedLabels,
  boundedStrings,
  boundedText as text,
  isJsonObject as isObject,
  maxChars,
} from '../../../protocol/src/boundedJson';

const strings = (value: unknown): string[] => boundedStrings(value) ?? [];

function envPairs(value: unknown): [string, string][] {
  const pairs: [string, string][] = [];
  for (const pair of boundedItems(value)) {
    if (Array.isArray(pair) && typeof pair[0] === 'string' && pair[0] !== '' && typeof pair[1] === 'string')
      pairs.push([pair[0].slice(0, maxChars), pair[1].slice(0, maxChars)]);
  }
  return pairs;
}

const nonEmpty = (list: string[]): string[] | undefined => (list.length > 0 ? list : undefined);

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

/** The facts the client sent for `reference`; undefined for null or anything malformed. */
export function readImageFacts(value: unknown, reference: string): ImageFacts | undefined {
  if (!isObject(value) || !isObject(value.source)) return undefined;
  const imageId = text(value.source.imageId);
  if (value.source.kind !== 'local' || imageId === undefined || imageId === '') return undefined;
  return {
    reference,
    source: { kind: 'local', imageId, created: text(value.source.created) },
    env: envPairs(value.env),
    user: text(value.user) ?? '',
    workdir: text(value.workdir) ?? '',
    entrypoint: Array.isArray(value.entrypoint) ? strings(value.entrypoint) : undefined,
    cmd: Array.isArray(value.cmd) ? strings(value.cmd) : undefined,
    exposedPorts: strings(value.exposedPorts),
    volumes: strings(value.volumes),
    labels: boundedLabels(value.labels),
    os: text(value.os),
    architecture: text(value.architecture),
    sizeBytes: count(value.sizeBytes),
    layerCount: count(value.layerCount),
    healthcheck: typeof value.healthcheck === 'boolean' ? value.healthcheck : undefined,
    shell: nonEmpty(strings(value.shell)),
  };
}

/** The answer for each of `references`, in order (undefined where there is none). */
export function readImageFactsResult(result: unknown, references: readonly string[]): (ImageFacts | undefined)[] {
  const images = isObject(result) && Array.isArray(result.images) ? result.images : [];
  return references.map((reference, index) => readImageFacts(images[index], reference));
}
