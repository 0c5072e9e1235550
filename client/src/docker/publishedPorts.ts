// Reads `docker port <container>` / `podman port <container>`: which host address each
// container port was published on. Both print `8080/tcp -> 0.0.0.0:18391`, one line per
// binding; docker adds IPv6 bindings (`[::]:18391`, or `:::18391` from a 20.10 CLI). Pure.
import type { PortProtocol } from './portMappings';

export interface PublishedPort {
  readonly containerPort: number;
  readonly protocol: PortProtocol;
  readonly hostIp: string;
  readonly hostPort: number;
}

const bindingLine = /^(\d{1,5})\/(tcp|udp|sctp) -> (.+):(\d{1,5})$/;
/** Lines are short; anything longer is not a binding. */
const maxLineChars = 200;

export function parsePublishedPorts(stdout: string): PublishedPort[] {
  const ports: PublishedPort[] = [];
  for (const rawLine of stdout.split('\n')) {
    const line = rawLine.trim();
    if (line.length > maxLineChars) continue;
    const match = bindingLine.exec(line);
    if (match === null) continue;
    const containerPort = Number(match[1]);
    const hostPort = Number(match[4]);
    if (containerPort < 1 || containerPort > 65535 || hostPort < 1 || hostPort > 65535) continue;
    ports.push({
      containerPort,
      protocol: match[2] as PortProtocol,
      hostIp: (match[3] ?? '').replace(/^\[(.*)\]$/, '$1'),
      hostPort,
    });
  }
  return ports;
}

/** Each host port once, IPv4 bindings first: what "Open in Browser" and the message offer. */
export function distinctHostPorts(ports: readonly PublishedPort[]): number[] {
  const ordered = [...ports].sort((a, b) => Number(a.hostIp.includes(':')) - Number(b.hostIp.includes(':')));
  return [...new Set(ordered.map((port) => port.hostPort))];
}
