// How long each docker command may take before Layerwise stops it, chosen by its subcommand,
// and the label messages use for it ("docker image inspect"). Pure.
import type { DockerInvocation } from './dockerInvocation';

/** No limit: the user stops it (builds, which can take as long as the Dockerfile says). */
export const noTimeLimit = Number.POSITIVE_INFINITY;

export const dockerTimeLimits = {
  /** `version`: the readiness probe. A daemon that answers at all answers in well under a second. */
  probe: 10_000,
  /** `history`, `image inspect`, `ps`, `port`, `logs` (without -f): one question to the daemon. */
  query: 20_000,
  /** `stop` waits for the container's grace period (docker's default 10 s) before killing it. */
  stopBeyondGrace: 30_000,
  /** `run -d` may first pull the image. */
  run: 5 * 60_000,
  /** `build`: none; the terminal (Ctrl+C, closing it) and task Terminate stop it. */
  build: noTimeLimit,
  /** Anything else. */
  other: 60_000,
} as const;

/** Subcommands that take a second word (`image inspect`, `container stop`). */
const managementCommands = new Set([
  'image',
  'container',
  'builder',
  'buildx',
  'network',
  'volume',
  'system',
  'context',
]);

/** The subcommand words of an argument array, after the global `--context <name>`: `['image', 'inspect']`. */
export function subcommandOf(args: readonly string[]): string[] {
  let index = 0;
  while (args[index] === '--context' || args[index] === '--host' || args[index] === '-H') index += 2;
  const first = args[index];
  if (first === undefined || first.startsWith('-')) return [];
  const second = args[index + 1];
  return managementCommands.has(first) && second !== undefined && !second.startsWith('-') ? [first, second] : [first];
}

/** `docker image inspect`: the executable as configured and the subcommand, for messages. */
export function commandLabel(invocation: Pick<DockerInvocation, 'executable' | 'args'>): string {
  return [invocation.executable, ...subcommandOf(invocation.args)].join(' ');
}

/** The time limit for an invocation when its caller gives none. */
export function defaultTimeLimit(args: readonly string[]): number {
  const words = subcommandOf(args);
  const verb = words.at(-1);
  switch (verb) {
    case 'version':
    case 'info':
      return dockerTimeLimits.probe;
    case 'history':
    case 'inspect':
    case 'ps':
    case 'ls':
    case 'port':
      return dockerTimeLimits.query;
    case 'logs':
      return args.includes('-f') || args.includes('--follow') ? noTimeLimit : dockerTimeLimits.query;
    case 'stop': {
      const flag = args.findIndex((arg) => arg === '-t' || arg === '--time');
      const grace = flag === -1 ? 10 : Number(args[flag + 1]);
      return (Number.isFinite(grace) && grace >= 0 ? grace * 1000 : 10_000) + dockerTimeLimits.stopBeyondGrace;
    }
    case 'run':
      // Only a detached run ends by itself; an attached one lasts as long as its container.
      return args.includes('-d') || args.includes('--detach') ? dockerTimeLimits.run : noTimeLimit;
    case 'start':
      return dockerTimeLimits.run;
    case 'build':
      return dockerTimeLimits.build;
    default:
      return dockerTimeLimits.other;
  }
}
