// Build arguments the builder defines without an ARG instruction.

type PredefinedKind = 'platform' | 'proxy' | 'buildkit';

export interface PredefinedArg {
  name: string;
  kind: PredefinedKind;
  /** An example value, to show what the builder sets (the real value depends on the build). */
  example: string;
}

const platform = (name: string, example: string): PredefinedArg => ({ name, kind: 'platform', example });
const proxy = (name: string): PredefinedArg => ({ name, kind: 'proxy', example: '' });
const buildkit = (name: string, example: string): PredefinedArg => ({ name, kind: 'buildkit', example });

export const PREDEFINED_ARGS: readonly PredefinedArg[] = [
  platform('TARGETPLATFORM', 'linux/amd64'),
  platform('TARGETOS', 'linux'),
  platform('TARGETARCH', 'amd64'),
  platform('TARGETVARIANT', ''),
  platform('BUILDPLATFORM', 'linux/amd64'),
  platform('BUILDOS', 'linux'),
  platform('BUILDARCH', 'amd64'),
  platform('BUILDVARIANT', ''),
  ...['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((name) => [
    proxy(name),
    proxy(name.toLowerCase()),
  ]),
  buildkit('BUILDKIT_CACHE_MOUNT_NS', ''),
  buildkit('BUILDKIT_CONTEXT_KEEP_GIT_DIR', '1'),
  buildkit('BUILDKIT_INLINE_CACHE', '1'),
  buildkit('BUILDKIT_MULTI_PLATFORM', '1'),
  buildkit('BUILDKIT_SANDBOX_HOSTNAME', 'buildkitsandbox'),
  buildkit('BUILDKIT_SYNTAX', 'docker/dockerfile:1'),
  buildkit('SOURCE_DATE_EPOCH', '0'),
];

const BY_NAME = new Map(PREDEFINED_ARGS.map((arg) => [arg.name, arg]));

export function predefinedArg(name: string): PredefinedArg | undefined {
  return BY_NAME.get(name);
}
