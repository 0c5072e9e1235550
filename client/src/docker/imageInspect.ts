// `docker image inspect` (or podman's) of base images, read into the facts the server's model
// starts stages from: Env, User, WorkingDir, Entrypoint, Cmd, Shell, Healthcheck, ports, volumes,
// labels, platform, size and layer count. Inspect never pulls: an image that is not local is simply not there.
// Pure: the output comes in as text; no 'vscode' import.
import {
  boundedItems,
  boundedKeys,
  boundedLabels,
  boundedStrings,
  boundedText as text,
  isJsonObject as isObject,
  type JsonObject as Json,
  maxChars,
} from '../../../protocol/src/boundedJson';
import type { LocalImageFacts } from '../../../protocol/src/protocol';

/** `image inspect -- <ref...>`: `--` so that a reference starting with "-" is never read as a flag. */
export function imageInspectArgs(references: readonly string[]): string[] {
  return ['image', 'inspect', '--', ...references];
}

const sha256Hex = /^[0-9a-f]{64}$/;

/** A string list (Entrypoint, Cmd); docker also accepts a lone string there. */
function words(value: unknown): string[] | undefined {
  return typeof value === 'string' ? [value.slice(0, maxChars)] : boundedStrings(value);
}

/** Env's `NAME=value` strings as pairs (a name without `=` has the empty value). */
function envPairs(value: unknown): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of boundedItems(value)) {
    if (typeof entry !== 'string') continue;
    const equals = entry.indexOf('=');
    const name = equals === -1 ? entry : entry.slice(0, equals);
    if (name !== '')
      pairs.push([name.slice(0, maxChars), equals === -1 ? '' : entry.slice(equals + 1, equals + 1 + maxChars)]);
  }
  return pairs;
}

/**
 * A HEALTHCHECK with a test other than NONE. Docker keeps it in Config.Healthcheck; podman 4.3 shows
 * it at the top level (images built with `--format docker`; the OCI format has none). An image
 * without one has no field at all.
 */
function hasHealthcheck(inspected: Json, config: Json): boolean {
  const healthcheck = isObject(config.Healthcheck) ? config.Healthcheck : inspected.Healthcheck;
  if (!isObject(healthcheck) || !Array.isArray(healthcheck.Test)) return false;
  const kind: unknown = healthcheck.Test[0];
  return typeof kind === 'string' && kind !== 'NONE';
}

/** Podman prints the id without its algorithm; docker with it. */
function imageId(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return sha256Hex.test(value) ? `sha256:${value}` : value.slice(0, maxChars);
}

/** One element of inspect's array as facts about `reference`; undefined when it has no id. */
export function imageFactsFrom(reference: string, inspected: unknown): LocalImageFacts | undefined {
  if (!isObject(inspected)) return undefined;
  const id = imageId(inspected.Id);
  if (id === undefined) return undefined;
  const config = isObject(inspected.Config) ? inspected.Config : {};
  const created = text(inspected.Created);
  const facts: LocalImageFacts = {
    reference,
    source: created === undefined ? { kind: 'local', imageId: id } : { kind: 'local', imageId: id, created },
    env: envPairs(config.Env),
    user: text(config.User) ?? '',
    workdir: text(config.WorkingDir) ?? '',
    exposedPorts: boundedKeys(config.ExposedPorts),
    volumes: boundedKeys(config.Volumes),
    labels: boundedLabels(config.Labels),
  };
  const entrypoint = words(config.Entrypoint);
  if (entrypoint !== undefined) facts.entrypoint = entrypoint;
  const cmd = words(config.Cmd);
  if (cmd !== undefined) facts.cmd = cmd;
  // Docker shows Config.Shell; podman's inspect never does (its shell stays unknown).
  const shell = words(config.Shell);
  if (shell !== undefined && shell.length > 0) facts.shell = shell;
  facts.healthcheck = hasHealthcheck(inspected, config);
  const os = text(inspected.Os);
  if (os !== undefined) facts.os = os;
  const architecture = text(inspected.Architecture);
  if (architecture !== undefined) facts.architecture = architecture;
  if (typeof inspected.Size === 'number' && Number.isFinite(inspected.Size) && inspected.Size >= 0)
    facts.sizeBytes = inspected.Size;
  const rootFs = inspected.RootFS;
  if (isObject(rootFs) && Array.isArray(rootFs.Layers)) facts.layerCount = rootFs.Layers.length;
  return facts;
}

/**
 * The facts of each reference from inspect's stdout (a JSON array, one element per image found,
 * in the order asked). Undefined when the output cannot be matched to the references: not JSON,
 * or fewer elements than references (some image is missing, and the array does not say which).
 */
export function parseImageInspect(stdout: string, references: readonly string[]): LocalImageFacts[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== references.length) return undefined;
  const facts: LocalImageFacts[] = [];
  for (const [index, reference] of references.entries()) {
    const one = imageFactsFrom(reference, parsed[index]);
    if (one === undefined) return undefined;
    facts.push(one);
  }
  return facts;
}
