// EXPOSE ports the builder cannot read: not a number, above 65535, a reversed range, or an
// unknown protocol. (Host addresses and mappings are the ExposeInvalidFormat check.)
import { processWord } from '../../parser';
import type { InstructionRule, LocalizedText } from '../rule';
import { referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  notAPort: {
    en: (p: { port: string }) => `"${p.port}" is not a port number or range.`,
    ko: (p) => `"${p.port}"는 포트 번호나 범위가 아닙니다.`,
  },
  outOfRange: {
    en: (p: { port: string; max: number }) => `Port ${p.port} is out of range: ports go up to ${p.max}.`,
    ko: (p) => `포트 ${p.port}는 범위를 벗어납니다. 포트는 ${p.max}까지입니다.`,
  },
  reversedRange: {
    en: (p: { port: string }) => `The port range ${p.port} ends before it starts.`,
    ko: (p) => `포트 범위 ${p.port}는 끝이 시작보다 작습니다.`,
  },
  unknownProtocol: {
    en: (p: { protocol: string }) => `Unknown protocol "${p.protocol}": use tcp, udp or sctp.`,
    ko: (p) => `"${p.protocol}"는 알 수 없는 프로토콜입니다. tcp, udp, sctp 중 하나를 씁니다.`,
  },
});

const MAX_PORT = 65535;
const PROTOCOLS = ['tcp', 'udp', 'sctp'];

function portProblem(port: string, protocol: string | undefined): LocalizedText | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(port);
  if (!match) return messages.notAPort({ port });
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start > MAX_PORT || end > MAX_PORT) return messages.outOfRange({ port, max: MAX_PORT });
  if (end < start) return messages.reversedRange({ port });
  if (protocol && !PROTOCOLS.includes(protocol.toLowerCase())) {
    return messages.unknownProtocol({ protocol });
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
  messages,
  category: 'builder',
  equivalents: [
    { tool: 'hadolint', id: 'DL3011' },
    { tool: 'droast', id: 'DF040' },
  ],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nEXPOSE 80 70000\n', range: '1:10-1:15' }],
    valid: ['FROM alpine\nEXPOSE 80 65535/udp 8000-8010\n', 'FROM alpine\nEXPOSE "80" \'443/tcp\'\n'],
  },
  check(instruction, escapeChar) {
    if (instruction.keyword !== 'EXPOSE') return [];
    return (instruction.ports ?? []).flatMap((port) => {
      // The builder reads each word with quotes and escapes removed.
      const word = processWord(port.raw, escapeChar, false);
      if (word.hasVariable || word.unterminated || word.value.includes(':')) return [];
      const slash = word.value.indexOf('/');
      const message =
        slash < 0
          ? portProblem(word.value, undefined)
          : portProblem(word.value.slice(0, slash), word.value.slice(slash + 1));
      return message ? [{ range: port.raw.range, message }] : [];
    });
  },
};
