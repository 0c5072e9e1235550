// Reads tasks.json definitions of type layerwise-build / layerwise-run into typed values,
// ignoring fields of the wrong type. Pure.
import type { BuildArg } from './imageBuildArgs';
import type { EnvironmentVariable } from './containerRunArgs';
import type { PortMapping, PortProtocol } from './portMappings';

export interface BuildTaskDefinition {
  readonly file: string;
  readonly context?: string | undefined;
  readonly tag?: string | undefined;
  readonly target?: string | undefined;
  readonly buildArgs: readonly BuildArg[];
  readonly platform?: string | undefined;
  readonly extraArgs: readonly string[];
}

export interface RunTaskDefinition {
  readonly file?: string | undefined;
  readonly image?: string | undefined;
  readonly name?: string | undefined;
  readonly ports: readonly PortMapping[];
  readonly env: readonly EnvironmentVariable[];
  readonly detach: boolean;
  readonly extraArgs: readonly string[];
  readonly command: readonly string[];
}

type Raw = Readonly<Record<string, unknown>>;

const text = (raw: Raw, key: string): string | undefined =>
  typeof raw[key] === 'string' && raw[key] !== '' ? (raw[key] as string) : undefined;
const list = (raw: Raw, key: string): string[] =>
  Array.isArray(raw[key]) ? (raw[key] as unknown[]).filter((item): item is string => typeof item === 'string') : [];
const pairs = (raw: Raw, key: string): Array<{ name: string; value: string }> => {
  const value = raw[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([name, item]) =>
    typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
      ? [{ name, value: String(item) }]
      : [],
  );
};

export function readBuildTaskDefinition(raw: Raw): BuildTaskDefinition | undefined {
  const file = text(raw, 'file');
  if (file === undefined) return undefined;
  return {
    file,
    context: text(raw, 'context'),
    tag: text(raw, 'tag'),
    target: text(raw, 'target'),
    buildArgs: pairs(raw, 'buildArgs'),
    platform: text(raw, 'platform'),
    extraArgs: list(raw, 'extraArgs'),
  };
}

/** `host:container`, `ip:host:container`, with an optional `/udp`; undefined when malformed. */
export function parsePortSpec(spec: string): PortMapping | undefined {
  const match = /^(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d+):(\d+)(?:\/(tcp|udp|sctp))?$/i.exec(spec.trim());
  if (match === null) return undefined;
  const hostPort = Number(match[2]);
  const containerPort = Number(match[3]);
  if (hostPort < 1 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) return undefined;
  return { hostIp: match[1], hostPort, containerPort, protocol: (match[4]?.toLowerCase() ?? 'tcp') as PortProtocol };
}

export function readRunTaskDefinition(raw: Raw): RunTaskDefinition {
  return {
    file: text(raw, 'file'),
    image: text(raw, 'image'),
    name: text(raw, 'name'),
    ports: list(raw, 'ports').flatMap((spec) => {
      const mapping = parsePortSpec(spec);
      return mapping === undefined ? [] : [mapping];
    }),
    env: pairs(raw, 'env'),
    detach: raw.detach === true,
    extraArgs: list(raw, 'extraArgs'),
    command: list(raw, 'command'),
  };
}
