// Which builder a `build` will run, decided before it starts from what the CLI says about
// itself: podman (buildah), docker with BuildKit through buildx, BuildKit through the legacy
// client (`DOCKER_BUILDKIT=1` with a docker CLI older than 23), or the classic builder. The build
// arguments follow it; the output then confirms it (builderOfOutput). Pure.
import type { BuildOutputFormat } from './buildOutput';
import { namesPodman } from './containerTool';

export type BuilderKind = 'buildx' | 'buildkit' | 'classic' | 'podman';

export interface DetectedBuilder {
  readonly kind: BuilderKind;
  /** The CLI's own version (`Client.Version`), when it said. */
  readonly clientVersion: string | undefined;
}

/** What detection reads: the configured CLI, the environment it gets, and its answers. */
export interface BuilderEvidence {
  /** `layerwise.docker.path`: `docker`, `podman`, or a path to either. */
  readonly executable: string;
  /** The environment the CLI runs with (the inherited one plus `layerwise.docker.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** stdout of `<cli> version --format {{json .}}`; empty when it failed. */
  readonly versionStdout: string;
  /** Whether `<cli> buildx version` succeeded; undefined when it was not asked (podman). */
  readonly buildxAvailable: boolean | undefined;
}

interface VersionFacts {
  readonly podman: boolean;
  readonly clientVersion: string | undefined;
}

/** Reads `version --format {{json .}}`: docker prints `Client.Os`/`Arch`, podman `Client.OsArch`. */
export function versionFacts(versionStdout: string): VersionFacts {
  let parsed: unknown;
  try {
    parsed = JSON.parse(versionStdout.trim().split(/\r?\n/)[0] ?? '');
  } catch {
    return { podman: false, clientVersion: undefined };
  }
  const client = typeof parsed === 'object' && parsed !== null ? (parsed as { Client?: unknown }).Client : undefined;
  if (typeof client !== 'object' || client === null) return { podman: false, clientVersion: undefined };
  const fields = client as Record<string, unknown>;
  return {
    podman: 'OsArch' in fields || 'BuiltTime' in fields,
    clientVersion: typeof fields.Version === 'string' ? fields.Version : undefined,
  };
}

/** DOCKER_BUILDKIT as docker reads it: `1`/`true` on, `0`/`false` off, anything else unset. */
function buildkitSwitch(env: BuilderEvidence['env']): boolean | undefined {
  const value = env.DOCKER_BUILDKIT?.trim().toLowerCase();
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return undefined;
}

function majorVersion(version: string | undefined): number | undefined {
  const major = /^(\d+)\./.exec(version ?? '');
  return major === null ? undefined : Number(major[1]);
}

/** Whether detection needs `<cli> buildx version` after `version`: docker only. */
export function needsBuildxProbe(executable: string, versionStdout: string): boolean {
  return !namesPodman(executable) && !versionFacts(versionStdout).podman;
}

/**
 * The builder `build` will use. Docker 23 and later build with buildx when it is installed
 * (DOCKER_BUILDKIT=0 asks for the classic builder) and fall back to the classic builder without
 * it; older CLIs use the classic builder unless DOCKER_BUILDKIT=1, which makes them drive the
 * daemon's BuildKit themselves.
 */
export function detectBuilder(evidence: BuilderEvidence): DetectedBuilder {
  const facts = versionFacts(evidence.versionStdout);
  if (facts.podman || namesPodman(evidence.executable)) return { kind: 'podman', clientVersion: facts.clientVersion };
  const wanted = buildkitSwitch(evidence.env);
  const major = majorVersion(facts.clientVersion);
  const modern = major === undefined || major >= 23;
  let kind: BuilderKind;
  if (wanted === false) kind = 'classic';
  else if (evidence.buildxAvailable === true && modern) kind = 'buildx';
  else if (wanted === true) kind = modern ? 'buildx' : 'buildkit';
  else kind = 'classic';
  return { kind, clientVersion: facts.clientVersion };
}

/** The builder the output shows, when it shows one; it wins over what detection expected. */
export function builderOfOutput(expected: BuilderKind, format: BuildOutputFormat): BuilderKind {
  switch (format) {
    case 'classic':
      return 'classic';
    case 'buildah':
      return 'podman';
    case 'buildkit-plain':
    case 'buildkit-rawjson':
      return expected === 'buildx' || expected === 'buildkit' ? expected : 'buildkit';
    case 'unknown':
      return expected;
  }
}

/** The BuildKit progress style to ask for: plain where BuildKit reads the flag, none elsewhere. */
export function progressFor(builder: BuilderKind): 'plain' | undefined {
  return builder === 'buildx' || builder === 'buildkit' ? 'plain' : undefined;
}
