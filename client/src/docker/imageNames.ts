// Suggesting and checking image tags and container names. Pure: problems are worded by the
// Translator passed in.
import type { Translator } from '../l10n/translator';
//
// Folder names, stage names and what the user types can be any length, so everything here is a
// single left-to-right scan (or a regular expression over a bounded string): no backtracking.
// The rules are Docker's reference grammar (github.com/distribution/reference, reference.go):
//   name             := [domain '/'] path-component ['/' path-component]*
//   domain           := host [':' port-number]
//   host             := domain-name | IPv4address | '[' IPv6address ']'
//   domain-name      := domain-component ['.' domain-component]*
//   domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
//   path-component   := alpha-numeric [separator alpha-numeric]*
//   alpha-numeric    := /[a-z0-9]+/
//   separator        := /[_.]|__|[-]*/
//   tag              := /[\w][\w.-]{0,127}/
// and a name (domain included) of at most 255 characters.

/** Longest suggested repository name (and stage part). */
const maxSuggestedChars = 128;
/** Docker's limit on a whole name, registry included (RepositoryNameTotalLengthMax). */
export const maxNameChars = 255;
const maxTagChars = 128;

function isLowerAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function isAlphanumeric(code: number): boolean {
  return isLowerAlphanumeric(code) || (code >= 65 && code <= 90);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSeparator(char: string | undefined): boolean {
  return char === '.' || char === '_' || char === '-';
}

/** Drops separators at the end (a name cut at a length limit must still end in a letter or digit). */
function withoutTrailingSeparators(name: string): string {
  let end = name.length;
  while (end > 0 && isSeparator(name[end - 1])) end--;
  return name.slice(0, end);
}

/**
 * A repository name derived from a folder name: lower case, runs of other characters turned
 * into "-" (a lone ".", "_" or "-" between letters is kept), no leading/trailing separators,
 * at most 128 characters. Falls back to "image". One pass over the input.
 */
export function suggestRepositoryName(folderName: string): string {
  const lower = folderName.toLowerCase();
  let name = '';
  /** Characters since the last letter or digit, and the last of them. */
  let gap = 0;
  let gapChar = '';
  for (let index = 0; index < lower.length && name.length < maxSuggestedChars; index++) {
    const code = lower.charCodeAt(index);
    if (!isLowerAlphanumeric(code)) {
      gap++;
      gapChar = lower[index] ?? '';
      continue;
    }
    if (gap > 0 && name !== '') name += gap === 1 && isSeparator(gapChar) ? gapChar : '-';
    gap = 0;
    name += lower[index];
  }
  const cut = withoutTrailingSeparators(name.slice(0, maxSuggestedChars));
  return cut === '' ? 'image' : cut;
}

/** `<folder>:latest`, or `<folder>-<stage>:latest` when building a named target stage. */
export function suggestImageTag(folderName: string, target?: string): string {
  const repository = suggestRepositoryName(folderName);
  const name = target === undefined || target === '' ? repository : `${repository}-${suggestRepositoryName(target)}`;
  return `${withoutTrailingSeparators(name.slice(0, maxNameChars))}:latest`;
}

/** path-component: alpha-numeric runs joined by ".", "_", "__" or any number of "-". */
export function isPathComponent(component: string): boolean {
  let index = 0;
  const length = component.length;
  for (;;) {
    const runStart = index;
    while (index < length && isLowerAlphanumeric(component.charCodeAt(index))) index++;
    if (index === runStart) return false;
    if (index === length) return true;
    const separator = component[index];
    const separatorStart = index;
    if (separator === '-') {
      while (component[index] === '-') index++;
    } else if (separator === '.') {
      index++;
    } else if (separator === '_') {
      index++;
      if (component[index] === '_') index++;
    } else {
      return false;
    }
    if (index === separatorStart) return false;
  }
}

/** domain-component: letters and digits, with "-" inside but not at either end. */
function isDomainComponent(component: string): boolean {
  if (component === '') return false;
  for (let index = 0; index < component.length; index++) {
    const code = component.charCodeAt(index);
    if (isAlphanumeric(code)) continue;
    if (component[index] === '-' && index > 0 && index < component.length - 1) continue;
    return false;
  }
  return true;
}

function isPortNumber(text: string): boolean {
  if (text === '') return false;
  for (let index = 0; index < text.length; index++) if (!isDigit(text.charCodeAt(index))) return false;
  return true;
}

function isHexOrColon(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70) || code === 58;
}

/** domain := host [':' port], host := domain-name | IPv4 | '[' IPv6 ']'. */
export function isRegistryHost(domain: string): boolean {
  let host = domain;
  if (domain.startsWith('[')) {
    const close = domain.indexOf(']');
    if (close <= 1) return false;
    for (let index = 1; index < close; index++) if (!isHexOrColon(domain.charCodeAt(index))) return false;
    const rest = domain.slice(close + 1);
    return rest === '' || (rest.startsWith(':') && isPortNumber(rest.slice(1)));
  }
  const colon = domain.indexOf(':');
  if (colon !== -1) {
    if (!isPortNumber(domain.slice(colon + 1))) return false;
    host = domain.slice(0, colon);
  }
  return host.split('.').every(isDomainComponent);
}

/**
 * Whether the first of several "/"-separated parts names a registry, as docker decides it
 * (splitDockerDomain): "localhost", or it holds "." or ":", or it has upper-case letters.
 */
function looksLikeRegistry(first: string): boolean {
  return first === 'localhost' || first.includes('.') || first.includes(':') || first.toLowerCase() !== first;
}

/** tag := [\w][\w.-]{0,127} */
function isTag(tag: string): boolean {
  if (tag === '' || tag.length > maxTagChars) return false;
  for (let index = 0; index < tag.length; index++) {
    const code = tag.charCodeAt(index);
    const word = isAlphanumeric(code) || code === 95;
    if (!word && (index === 0 || (code !== 46 && code !== 45))) return false;
  }
  return true;
}

function isImageIdLike(name: string): boolean {
  if (name.length !== 64) return false;
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    if (!isDigit(code) && !(code >= 97 && code <= 102)) return false;
  }
  return true;
}

/** Why `reference` is not a valid `name[:tag]`, or undefined when it is. */
export function imageReferenceProblem(reference: string, l10n: Translator): string | undefined {
  const value = reference.trim();
  if (value === '') return l10n.t('Enter an image name, e.g. myapp:latest.');
  if (/\s/.test(value)) return l10n.t('An image name cannot contain spaces.');
  if (value.includes('@')) return l10n.t('Use a tag (name:tag), not a digest, to name a build.');
  const colon = value.indexOf(':', value.lastIndexOf('/') + 1);
  const name = colon === -1 ? value : value.slice(0, colon);
  const tag = colon === -1 ? undefined : value.slice(colon + 1);
  if (tag !== undefined && !isTag(tag))
    return l10n.t('"{0}" is not a valid tag (letters, digits, _ . -; at most 128).', shorten(tag));
  if (name.length > maxNameChars)
    return l10n.t('An image name can have at most {0} characters (this one has {1}).', maxNameChars, name.length);
  const components = name.split('/');
  const first = components[0] ?? '';
  if (components.length > 1 && looksLikeRegistry(first)) {
    if (!isRegistryHost(first))
      return l10n.t('"{0}" is not a valid registry: use a host name, host:port or [IPv6]:port.', first);
    components.shift();
  }
  for (const component of components) {
    if (!isPathComponent(component)) {
      return l10n.t(
        '"{0}" is not a valid name part: use lower-case letters, digits and single separators (. _ -).',
        shorten(component),
      );
    }
  }
  if (isImageIdLike(name))
    return l10n.t('A name of 64 hexadecimal characters reads as an image ID: choose another name.');
  return undefined;
}

/** Quoted input in messages stays readable. */
function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}

/** The repository part of `name:tag` (registry and path kept, tag dropped). */
function repositoryOf(reference: string): string {
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
  // Both patterns are single character classes (the second anchored): linear.
  const safe = raw.replace(/[^a-zA-Z0-9_.-]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return safe === '' ? 'layerwise-container' : safe;
}

const containerNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Why `name` cannot be a container name, or undefined when it can (empty = let docker choose). */
export function containerNameProblem(name: string, l10n: Translator): string | undefined {
  if (name === '') return undefined;
  return containerNamePattern.test(name)
    ? undefined
    : l10n.t('A container name uses letters, digits, "_", "." and "-", and starts with a letter or digit.');
}
