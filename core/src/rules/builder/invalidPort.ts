// EXPOSE ports the builder cannot read: not a number, above 65535, a reversed range, or an
// unknown protocol. (Host addresses and mappings are the ExposeInvalidFormat check.)
import type { InstructionRule, LocalizedText } from '../rule';
import { hasVariable, referenceDocs, text } from '../support';

const MAX_PORT = 65535;
const PROTOCOLS = ['tcp', 'udp', 'sctp'];

export function portProblem(port: string, protocol: string | undefined): LocalizedText | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(port);
  if (!match) return text(`"${port}" is not a port number or range.`, `"${port}"는 포트 번호나 범위가 아닙니다.`);
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start > MAX_PORT || end > MAX_PORT)
    return text(
      `Port ${port} is out of range: ports go up to ${MAX_PORT}.`,
      `포트 ${port}는 범위를 벗어납니다. 포트는 ${MAX_PORT}까지입니다.`,
    );
  if (end < start)
    return text(`The port range ${port} ends before it starts.`, `포트 범위 ${port}는 끝이 시작보다 작습니다.`);
  if (protocol && !PROTOCOLS.includes(protocol.toLowerCase())) {
    return text(
      `Unknown protocol "${protocol}": use tcp, udp or sctp.`,
      `"${protocol}"는 알 수 없는 프로토콜입니다. tcp, udp, sctp 중 하나를 씁니다.`,
    );
  }
  return undefined;
}

export const invalidPort: InstructionRule = {
  code: 'invalid-port',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('expose'),
  description: text('EXPOSE names a port the builder rejects.', 'EXPOSE에 빌더가 받아들이지 않는 포트가 있습니다.'),
  check(instruction) {
    if (instruction.keyword !== 'EXPOSE') return [];
    return (instruction.ports ?? []).flatMap((port) => {
      if (hasVariable(port.raw.raw) || port.raw.raw.includes(':')) return [];
      const message = portProblem(port.port.raw, port.protocol);
      return message ? [{ range: port.raw.range, message }] : [];
    });
  },
};
