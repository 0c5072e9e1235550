// Suggesting and checking image tags and container names. Pure.

/**
 * A repository name derived from a folder name: lower case, runs of other characters turned
 * into "-", no leading/trailing separators. Falls back to "image".
 */
export function suggestRepositoryName(folderName: string): string {
  const cleaned = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .replace(/[._-]{2,}/g, '-');
  return cleaned === '' ? 'image' : cleaned.slice(0, 128);
}

/** `<folder>:latest`, or `<folder>-<stage>:latest` when building a named target stage. */
export function suggestImageTag(folderName: string, target?: string): string {
  const repository = suggestRepositoryName(folderName);
  return target === undefined || target === '' ? `${repository}:latest` : `${repository}-${suggestRepositoryName(target)}:latest`;
}

const componentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const registryPattern = /^(?:localhost|[A-Za-z0-9.-]+\.[A-Za-z0-9-]+|[A-Za-z0-9.-]+:\d+|\[[0-9a-fA-F:]+\](?::\d+)?)$/;

/** Why `reference` is not a valid `name[:tag]`, or undefined when it is. */
export function imageReferenceProblem(reference: string): string | undefined {
  const value = reference.trim();
  if (value === '') return 'Enter an image name, e.g. myapp:latest.';
  if (/\s/.test(value)) return 'An image name cannot contain spaces.';
  if (value.includes('@')) return 'Use a tag (name:tag), not a digest, to name a build.';
  const colon = value.indexOf(':', value.lastIndexOf('/') + 1);
  const name = colon === -1 ? value : value.slice(0, colon);
  const tag = colon === -1 ? undefined : value.slice(colon + 1);
  if (tag !== undefined && !tagPattern.test(tag)) return `"${tag}" is not a valid tag (letters, digits, _ . -; at most 128).`;
  const components = name.split('/');
  const first = components[0] ?? '';
  if (components.length > 1 && registryPattern.test(first)) components.shift();
  for (const component of components) {
    if (!componentPattern.test(component)) {
      return `"${component}" is not a valid name part: use lower-case letters, digits and single separators (. _ -).`;
    }
  }
  return undefined;
}

/** The repository part of `name:tag` (registry and path kept, tag dropped). */
export function repositoryOf(reference: string): string {
  const slash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', slash + 1);
  return colon === -1 ? reference : reference.slice(0, colon);
}

/**
 * A container name for an image: its last path component with the tag appended when it is
 * not "latest" (`web`, `web-dev`), made safe for `--name`.
 */
export function suggestContainerName(imageReference: string): string {
  const repository = repositoryOf(imageReference);
  const base = repository.slice(repository.lastIndexOf('/') + 1);
  const colon = imageReference.indexOf(':', imageReference.lastIndexOf('/') + 1);
  const tag = colon === -1 ? 'latest' : imageReference.slice(colon + 1);
  const raw = tag === 'latest' ? base : `${base}-${tag}`;
  const safe = raw.replace(/[^a-zA-Z0-9_.-]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return safe === '' ? 'layerwise-container' : safe;
}

const containerNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Why `name` cannot be a container name, or undefined when it can (empty = let docker choose). */
export function containerNameProblem(name: string): string | undefined {
  if (name === '') return undefined;
  return containerNamePattern.test(name)
    ? undefined
    : 'A container name uses letters, digits, "_", "." and "-", and starts with a letter or digit.';
}
