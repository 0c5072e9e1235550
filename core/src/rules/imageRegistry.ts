// The registry an image reference is pulled from, normalised as the distribution project does:
// the first path component is a host when it has a `.` or `:`, is `localhost`, or has upper case;
// otherwise the image is on Docker Hub (`docker.io`, which `index.docker.io` also names).

import { anyChar, literalParts, many, type PatternPart, WildcardPattern } from '../match';

const DOCKER_HUB = 'docker.io';

/** The registry host of `reference` (`ghcr.io`, `localhost:5000`, `docker.io`), lower-cased. */
export function imageRegistry(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash < 0) return DOCKER_HUB;
  const first = reference.slice(0, slash);
  const isHost = /[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase();
  if (!isHost) return DOCKER_HUB;
  const host = first.toLowerCase();
  return host === 'index.docker.io' ? DOCKER_HUB : host;
}

/**
 * Whether `registry` is one of `allowed`: hosts compared without case, `*` matching any run of
 * characters (`*.example.com`). Docker Hub is also allowed as `hub.docker.com` or
 * `index.docker.io`, names hadolint and Docker users write for it.
 */
export function registryAllowed(registry: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const pattern = entry.trim().toLowerCase();
    if (registry === DOCKER_HUB && (pattern === 'hub.docker.com' || pattern === 'index.docker.io')) return true;
    if (!pattern.includes('*')) return pattern === registry;
    return hostPattern(pattern).matches(registry);
  });
}

/** `*.example.com` as a pattern on the linear-time matcher (a setting's `*`s never backtrack). */
function hostPattern(pattern: string): WildcardPattern {
  const parts: PatternPart[] = [];
  pattern.split('*').forEach((literal, index) => {
    if (index > 0) parts.push(many(anyChar));
    parts.push(...literalParts(literal));
  });
  return new WildcardPattern(parts);
}
