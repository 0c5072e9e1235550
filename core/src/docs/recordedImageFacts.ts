// The image facts recorded offline for common official image tags (core/docs/imageFacts.json,
// written by scripts/record-image-facts.ts): read on first use, one facts object per reference
// for good, so the model can compare them by identity.
import type { ImageFacts, ImageFactsLookup, ImageFactsSource } from '../model/imageFacts';
import { DOC_FILES } from './docFiles';
import { splitImageReference } from './images';

/** One image of imageFacts.json, under each of its tags. */
export interface RecordedEntry {
  tags: string[];
  basis: string;
  env: [string, string][];
  user: string;
  workdir: string;
  entrypoint: string[] | null;
  cmd: string[] | null;
  exposedPorts: string[];
  volumes: string[];
  labels: Record<string, string>;
  os: string;
  /** A HEALTHCHECK is set (none of the recorded images has one). */
  healthcheck: boolean;
}

let entries: Map<string, { entry: RecordedEntry; recordedOn: string }> | undefined;
const made = new Map<string, ImageFacts>();

function isEntry(value: unknown): value is RecordedEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<RecordedEntry>;
  return Array.isArray(entry.tags) && Array.isArray(entry.env) && typeof entry.basis === 'string';
}

function load(): Map<string, { entry: RecordedEntry; recordedOn: string }> {
  const byTag = new Map<string, { entry: RecordedEntry; recordedOn: string }>();
  let parsed: { recordedOn?: unknown; images?: unknown } = {};
  try {
    parsed = JSON.parse(DOC_FILES.get('imageFacts.json') ?? '{}');
  } catch {
    return byTag;
  }
  const recordedOn = typeof parsed.recordedOn === 'string' ? parsed.recordedOn : '';
  for (const entry of Array.isArray(parsed.images) ? parsed.images : [])
    if (isEntry(entry)) for (const tag of entry.tags) byTag.set(tag, { entry, recordedOn });
  return byTag;
}

/**
 * `node:22` for `node:22`, `docker.io/library/node:22` and `index.docker.io/library/node:22`;
 * `name:latest` for a bare name. A digest pins an image the recorded tag may not be: undefined.
 */
function recordedKey(reference: string): string | undefined {
  const { repository, tag, digest } = splitImageReference(reference.trim());
  if (digest !== undefined || repository === '') return undefined;
  const short = repository
    .toLowerCase()
    .replace(/^(docker\.io\/|index\.docker\.io\/|registry-1\.docker\.io\/)?(library\/)?/, '');
  return `${short}:${tag ?? 'latest'}`;
}

/** The facts of a recorded entry, for `reference`. */
export function recordedFacts(reference: string, entry: RecordedEntry, recordedOn: string): ImageFacts {
  const source: ImageFactsSource = { kind: 'recorded', recordedOn, basis: entry.basis };
  return {
    reference,
    source,
    env: entry.env.map(([name, value]) => [name, value] as const),
    user: entry.user,
    workdir: entry.workdir,
    entrypoint: entry.entrypoint ?? undefined,
    cmd: entry.cmd ?? undefined,
    exposedPorts: entry.exposedPorts,
    volumes: entry.volumes,
    labels: entry.labels,
    os: entry.os,
    healthcheck: entry.healthcheck,
  };
}

/** The recorded facts for a reference, when its tag was recorded. */
export const RECORDED_IMAGE_FACTS: ImageFactsLookup = {
  factsFor(reference) {
    const key = recordedKey(reference);
    if (key === undefined) return undefined;
    const known = made.get(key);
    if (known) return known;
    entries ??= load();
    const found = entries.get(key);
    if (!found) return undefined;
    const facts = recordedFacts(key, found.entry, found.recordedOn);
    made.set(key, facts);
    return facts;
  },
};
