// The image reference grammar of the distribution project (what `FROM` accepts), as a validator.
// reference := name [ ":" tag ] [ "@" digest ]; name := [domain "/"] path-component ("/" path-component)*

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const MAX_NAME_LENGTH = 255;

/** Why `reference` is not a valid image reference, or undefined when it is. */
export function imageReferenceProblem(reference: string): string | undefined {
  if (reference === '') return 'the reference is empty';
  let rest = reference;
  const at = rest.indexOf('@');
  if (at >= 0) {
    if (!DIGEST.test(rest.slice(at + 1))) return `"${rest.slice(at + 1)}" is not a valid digest`;
    rest = rest.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    const tag = rest.slice(colon + 1);
    if (!TAG.test(tag)) return `"${tag}" is not a valid tag`;
    rest = rest.slice(0, colon);
  }
  if (rest.length > MAX_NAME_LENGTH) return `the name is longer than ${MAX_NAME_LENGTH} characters`;
  const components = rest.split('/');
  const first = components[0]!;
  // The first component is a registry host when it looks like one (dot, port or localhost).
  const isDomain =
    components.length > 1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  if (isDomain) {
    if (!DOMAIN.test(first)) return `"${first}" is not a valid registry host`;
    components.shift();
  }
  for (const component of components) {
    if (component !== component.toLowerCase()) return 'the repository name must be lowercase';
    if (!PATH_COMPONENT.test(component)) return `"${component}" is not a valid name component`;
  }
  return undefined;
}
