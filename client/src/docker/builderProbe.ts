// Asks the configured CLI which builder a build will use: `version` (docker or podman, and its
// version), then, for docker, `buildx version`. Each runs with the probe time limit; a CLI that
// does not answer leaves the decision to the environment and the output. Node only.
import { type DetectedBuilder, detectBuilder, needsBuildxProbe } from './builderDetection';
import { buildxVersionArgs, dockerVersionArgs } from './containerCommandArgs';
import { dockerInvocation } from './dockerInvocation';
import { runDockerProcess } from './processRunner';
import type { DockerSettings } from './settings';

export interface BuilderProbeOptions {
  readonly signal?: AbortSignal | undefined;
  /** The environment the CLI inherits; process.env when absent. */
  readonly baseEnv?: NodeJS.ProcessEnv | undefined;
}

/** The builder `build` will run with these settings. */
export async function probeBuilder(
  settings: Pick<DockerSettings, 'dockerPath' | 'dockerContext' | 'dockerEnv'>,
  options: BuilderProbeOptions = {},
): Promise<DetectedBuilder> {
  const baseEnv = options.baseEnv ?? process.env;
  const versionInvocation = dockerInvocation(settings, dockerVersionArgs());
  const version = await runDockerProcess(versionInvocation, { signal: options.signal, baseEnv });
  const versionStdout = version.exitCode === 0 ? version.stdout : '';
  let buildxAvailable: boolean | undefined;
  if (needsBuildxProbe(settings.dockerPath, versionStdout)) {
    const buildx = await runDockerProcess(dockerInvocation(settings, buildxVersionArgs()), {
      signal: options.signal,
      baseEnv,
    });
    buildxAvailable = buildx.exitCode === 0;
  }
  return detectBuilder({
    executable: settings.dockerPath,
    env: { ...baseEnv, ...versionInvocation.env },
    versionStdout,
    buildxAvailable,
  });
}
