// The offline list of common official images (core/docs/images.json): no network calls.
import { DOC_FILES } from './docFiles';
import type { DocLanguage } from './docs';

export interface OfficialImage {
  name: string;
  description: Record<DocLanguage, string>;
  tags: string[];
  recommended: string | undefined;
  url: string | undefined;
}

let images: OfficialImage[] | undefined;
let byName: Map<string, OfficialImage> | undefined;

function isImage(value: unknown): value is OfficialImage {
  if (typeof value !== 'object' || value === null) return false;
  const image = value as Partial<OfficialImage>;
  return typeof image.name === 'string' && Array.isArray(image.tags) && typeof image.description?.en === 'string';
}

/** Every listed image; entries of the wrong shape are skipped. */
export function officialImages(): readonly OfficialImage[] {
  if (!images) {
    let parsed: unknown = [];
    try {
      parsed = JSON.parse(DOC_FILES.get('images.json') ?? '[]');
    } catch {
      parsed = [];
    }
    images = (Array.isArray(parsed) ? parsed : []).filter(isImage).map((image) => ({
      ...image,
      description: { en: image.description.en, ko: image.description.ko ?? image.description.en },
      tags: image.tags.filter((tag): tag is string => typeof tag === 'string'),
    }));
  }
  return images;
}

export interface ImageReference {
  /** Repository as written, without tag or digest (`node`, `docker.io/library/node`). */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Splits `name[:tag][@digest]`; a colon in the registry host (`host:5000/x`) is not a tag. */
export function splitImageReference(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const digest = at < 0 ? undefined : reference.slice(at + 1);
  const nameAndTag = at < 0 ? reference : reference.slice(0, at);
  const colon = nameAndTag.lastIndexOf(':');
  if (colon < 0 || colon < nameAndTag.lastIndexOf('/')) return { repository: nameAndTag, tag: undefined, digest };
  return { repository: nameAndTag.slice(0, colon), tag: nameAndTag.slice(colon + 1), digest };
}

/** The listed image for a repository, accepting Docker Hub's long forms (`docker.io/library/node`). */
export function officialImage(repository: string): OfficialImage | undefined {
  if (!byName) byName = new Map(officialImages().map((image) => [image.name, image]));
  const short = repository
    .toLowerCase()
    .replace(/^(docker\.io\/|index\.docker\.io\/|registry-1\.docker\.io\/)?(library\/)?/, '');
  return byName.get(short) ?? byName.get(repository.toLowerCase());
}
