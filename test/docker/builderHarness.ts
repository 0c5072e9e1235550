// The three builders users have (the classic builder, real BuildKit, Podman), driven the way the
// extension drives them: settings read through the schema (`layerwise.docker.path`,
// `layerwise.docker.env`), builder detection (which picks the progress flag), the client's argv
// builders, its process runner (every process with a time limit here), its output parser picked
// from the output, and its build record (step locations, layer sizes from `history`). Also what
// each builder itself says, counted in its raw output, to compare the parse with, and the
// clean-up of everything a test built or started.
import type { DockerfileBuildResult } from '../../client/src/build/buildResults';
import { recordBuild } from '../../client/src/build/buildRecord';
import type { BuildOutputFormat } from '../../client/src/docker/buildOutput';
import { type BuilderKind, progressFor } from '../../client/src/docker/builderDetection';
import { probeBuilder } from '../../client/src/docker/builderProbe';
import { imageHistoryArgs, imageIdArgs } from '../../client/src/docker/containerCommandArgs';
import type { DockerfileOutline } from '../../client/src/docker/dockerfileOutline';
import { dockerInvocation } from '../../client/src/docker/dockerInvocation';
import { imageBuildArgs, type ImageBuildRequest } from '../../client/src/docker/imageBuildArgs';
import { parseImageHistory, type ImageLayer } from '../../client/src/docker/imageHistory';
import type { ProcessOutcome } from '../../client/src/docker/processOutcome';
import { runDockerProcess } from '../../client/src/docker/processRunner';
import { defaultTimeLimit } from '../../client/src/docker/processTimeouts';
import { DOCKER_SETTING_KEYS, readDockerSettings, type DockerSettings } from '../../client/src/docker/settings';
import { english } from '../../client/src/l10n/translator';
import { type BuildRun as ParsedBuildRun, probe, runParsedBuild } from '../helpers/dockerEngine';

/** A build from scratch takes seconds here; this only ends a build that hangs. */
const buildTimeLimitMs = 180_000;
/** At most this long for any other command (the client's own limit when that is shorter). */
const commandTimeLimitMs = 60_000;

export interface BuilderUnderTest {
  /** As the test names say it. */
  readonly name: string;
  /** Read from what a user would write in `layerwise.docker.path` and `layerwise.docker.env`. */
  readonly settings: DockerSettings;
  /** What builder detection must find (it picks the progress flag). */
  readonly kind: BuilderKind;
  /** What DetectingBuildOutputParser must recognise. */
  readonly format: BuildOutputFormat;
  /** Whether it leaves out a stage the built one does not need (the classic builder builds every stage). */
  readonly skipsUnneededStages: boolean;
  /** `layerwise.build.extraArgs`. */
  readonly buildExtraArgs: readonly string[];
  /** How many steps the builder itself says came from the cache, counted in its raw output. */
  ownCachedCount(rawOutput: string): number;
  /** The builder's own words for a RUN that exited with code 1. */
  readonly runFailure: RegExp;
  /** `rm -f` of a container, without the default 10 s grace for a PID 1 that ignores SIGTERM. */
  forceRemoveArgs(container: string): string[];
}

function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

function userSettings(dockerPath: string | undefined, dockerEnv: Record<string, string> | undefined): DockerSettings {
  const written: Record<string, unknown> = {
    [DOCKER_SETTING_KEYS.dockerPath]: dockerPath,
    [DOCKER_SETTING_KEYS.dockerEnv]: dockerEnv,
  };
  return readDockerSettings((key) => written[key]);
}

export const classicBuilder: BuilderUnderTest = {
  name: 'the classic builder (docker, DOCKER_BUILDKIT=0)',
  // Whichever docker is first on PATH (Debian's 20.10, or a newer CLI): DOCKER_BUILDKIT=0 picks the classic builder.
  settings: userSettings(undefined, { DOCKER_BUILDKIT: '0' }),
  kind: 'classic',
  format: 'classic',
  skipsUnneededStages: false,
  // Else a failed RUN leaves its stopped container, which keeps the test's images from being removed.
  buildExtraArgs: ['--force-rm'],
  ownCachedCount: (text) => linesOf(text).filter((line) => line.trim() === '---> Using cache').length,
  runFailure: /^The command '\/bin\/sh -c .*' returned a non-zero code: 1$/,
  forceRemoveArgs: (container) => ['rm', '-f', container],
};

export const buildkitBuilder: BuilderUnderTest = {
  name: 'real BuildKit (/usr/bin/docker, DOCKER_BUILDKIT=1)',
  // Debian's docker.io CLI reaches the daemon's own BuildKit without buildx.
  settings: userSettings('/usr/bin/docker', { DOCKER_BUILDKIT: '1' }),
  kind: 'buildkit',
  format: 'buildkit-plain',
  skipsUnneededStages: true,
  buildExtraArgs: [],
  // "#5 CACHED": BuildKit repeats the line of a step two stages share, so steps are counted once.
  ownCachedCount: (text) => {
    const cached = new Set<string>();
    for (const line of linesOf(text)) {
      const words = line.trim().split(' ');
      if (words.length === 2 && words[1] === 'CACHED' && /^#\d+$/.test(words[0] ?? '')) cached.add(words[0] ?? '');
    }
    return cached.size;
  },
  runFailure: /exit code: 1$/,
  forceRemoveArgs: (container) => ['rm', '-f', container],
};

export const podmanBuilder: BuilderUnderTest = {
  name: 'Podman (podman build, buildah)',
  settings: userSettings('podman', undefined),
  kind: 'podman',
  format: 'buildah',
  skipsUnneededStages: true,
  buildExtraArgs: [],
  ownCachedCount: (text) => linesOf(text).filter((line) => line.startsWith('--> Using cache ')).length,
  runFailure: /^building at STEP "RUN .*": while running runtime: exit status 1$/,
  forceRemoveArgs: (container) => ['rm', '-f', '-t', '0', container],
};

/**
 * Undefined when the builder's CLI (and, for docker, its daemon) is there; otherwise why the
 * tests skip. Under CI=true that is an error: CI installs every builder (.ci/run).
 */
export async function builderSkipReason(builder: BuilderUnderTest): Promise<string | undefined> {
  const availability = await probe(builder.settings);
  if (availability.kind === 'ready') return undefined;
  const detail = availability.kind === 'daemonUnreachable' ? ` ${availability.detail}` : '';
  const reason = `${builder.name}: ${availability.message}${detail} (scripts/setup-docker.sh, scripts/setup-podman.sh)`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  return reason;
}

/** Any other command of the builder's CLI. */
export function engine(builder: BuilderUnderTest, args: readonly string[]): Promise<ProcessOutcome> {
  const invocation = dockerInvocation(builder.settings, args);
  return runDockerProcess(invocation, { timeoutMs: Math.min(commandTimeLimitMs, defaultTimeLimit(invocation.args)) });
}

export interface BuildRun extends ParsedBuildRun {
  /** What detection said before the build. */
  readonly detected: BuilderKind;
}

/**
 * Runs the build as the extension does: the builder detected first (its progress flag), then
 * both streams line by line into the parser, timed.
 */
export async function build(builder: BuilderUnderTest, request: ImageBuildRequest): Promise<BuildRun> {
  const detected = (await probeBuilder(builder.settings)).kind;
  const args = imageBuildArgs(
    { ...request, extraArgs: builder.buildExtraArgs, progress: progressFor(detected) },
    english,
  );
  const run = await runParsedBuild(dockerInvocation(builder.settings, args), {
    cwd: request.context,
    timeoutMs: buildTimeLimitMs,
  });
  if (run.timedOut) throw new Error(`${builder.name}: the build hung:\n${run.text}`);
  return { detected, ...run };
}

export interface RecordedBuild {
  readonly result: DockerfileBuildResult;
  /** `history` of the built image (empty when the build failed). */
  readonly layers: readonly ImageLayer[];
}

/** What the extension records after a build: `history` and `image inspect` of the tag, then recordBuild. */
export async function recordRun(
  builder: BuilderUnderTest,
  run: BuildRun,
  outline: DockerfileOutline,
  tag: string,
  target?: string,
): Promise<RecordedBuild> {
  let layers: ImageLayer[] = [];
  let imageId: string | undefined;
  if (run.exitCode === 0) {
    const [history, inspected] = await Promise.all([
      engine(builder, imageHistoryArgs(tag, english)),
      engine(builder, imageIdArgs(tag, english)),
    ]);
    if (history.exitCode !== 0) throw new Error(`${builder.name} history ${tag}: ${history.stderr}`);
    layers = parseImageHistory(history.stdout);
    imageId = inspected.exitCode === 0 ? inspected.stdout.trim() || undefined : undefined;
  }
  const result = recordBuild(
    {
      dockerfileUri: 'file:///builders/Dockerfile',
      imageTag: tag,
      target,
      buildArgs: {},
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      exitCode: run.exitCode,
      canceled: false,
      parsed: run.parsed,
      outline,
      layers,
      imageId,
      builder: run.detected,
    },
    english,
  );
  return { result, layers };
}

/**
 * Every image id a builder named in its output (the last word of a line, 11 to 64 hex digits,
 * `sha256:` or not): the step images of the classic builder and buildah, the image BuildKit wrote.
 * Some are not images (BuildKit's step digests); removing those just fails.
 */
export function imageIdsIn(text: string): string[] {
  const ids: string[] = [];
  for (const line of linesOf(text)) {
    const last =
      line
        .trim()
        .split(' ')
        .at(-1)
        ?.replace(/^sha256:/, '') ?? '';
    if (/^[0-9a-f]{11,64}$/.test(last)) ids.push(last);
  }
  return ids;
}

/** Removes the containers, tags and images a test made, newest first; what is gone already is no error. */
export async function removeAll(
  builder: BuilderUnderTest,
  made: { containers: Iterable<string>; tags: Iterable<string>; imageIds: Iterable<string> },
): Promise<void> {
  for (const container of made.containers) await engine(builder, builder.forceRemoveArgs(container));
  for (const tag of made.tags) await engine(builder, ['rmi', '-f', tag]);
  // Without -f: an image that is another image's parent stays (it cannot be only ours then).
  for (const id of [...new Set(made.imageIds)].reverse()) await engine(builder, ['rmi', id]);
}
