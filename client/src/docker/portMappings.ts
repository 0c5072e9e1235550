// Container ports (from EXPOSE) and host-to-container publish mappings (`-p`). Pure.

export type PortProtocol = 'tcp' | 'udp' | 'sctp';

export interface ContainerPort {
  readonly port: number;
  readonly protocol: PortProtocol;
}

export interface PortMapping {
  readonly hostPort: number;
  /** Bind address on the host, e.g. 127.0.0.1; all interfaces when absent. */
  readonly hostIp?: string | undefined;
  readonly containerPort: number;
  readonly protocol: PortProtocol;
}

/** Largest EXPOSE range we expand into separate prompts. */
const maxExpandedRange = 16;

function isProtocol(value: string): value is PortProtocol {
  return value === 'tcp' || value === 'udp' || value === 'sctp';
}

function isPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

/**
 * The container ports of one EXPOSE entry, from the parser's port (`8080`, `8000-8002`) and
 * protocol (`udp`, `TCP`; undefined means tcp). Variables (`$PORT`) or garbage give no ports;
 * a range gives each port (up to a small limit).
 */
export function containerPorts(port: string, protocol: string | undefined): ContainerPort[] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(port);
  const lowered = protocol?.toLowerCase() ?? 'tcp';
  if (match === null || !isProtocol(lowered)) return [];
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (!isPortNumber(first) || !isPortNumber(last) || last < first || last - first >= maxExpandedRange) {
    return isPortNumber(first) ? [{ port: first, protocol: lowered }] : [];
  }
  const ports: ContainerPort[] = [];
  for (let each = first; each <= last; each++) ports.push({ port: each, protocol: lowered });
  return ports;
}

/**
 * Reads what the user typed for a host port: `8080` or `127.0.0.1:8080`. Returns undefined
 * for anything else, so the caller can say so.
 */
export function parseHostPort(input: string): { hostPort: number; hostIp?: string } | undefined {
  const match = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]|localhost):)?(\d+)$/.exec(input.trim());
  if (match === null) return undefined;
  const hostPort = Number(match[2]);
  if (!isPortNumber(hostPort)) return undefined;
  return match[1] === undefined ? { hostPort } : { hostPort, hostIp: match[1] };
}

/** The value of one `-p` flag: `[ip:]host:container[/udp]`. */
export function publishFlagValue(mapping: PortMapping): string {
  const host = mapping.hostIp === undefined ? `${mapping.hostPort}` : `${mapping.hostIp}:${mapping.hostPort}`;
  const protocol = mapping.protocol === 'tcp' ? '' : `/${mapping.protocol}`;
  return `${host}:${mapping.containerPort}${protocol}`;
}
