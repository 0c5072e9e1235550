// BuildKit check ExposeInvalidFormat: EXPOSE takes container ports only; an IP address or a
// host:container mapping belongs to `docker run -p`.
import { processWord } from '../../parser';
import { replaceVariableReferences } from '../../parser/textScan';
import type { InstructionRule } from '../rule';
import { buildCheckDocs, fix, hasVariable, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  addressOrHostPort: {
    en: (p: { raw: string; containerPort: string }) =>
      `EXPOSE ${p.raw} includes an address or host port; EXPOSE only documents the container port ` +
      `(${p.containerPort}). Publish host ports with docker run -p.`,
    ko: (p) =>
      `EXPOSE ${p.raw}에 주소나 호스트 포트가 들어 있습니다. EXPOSE는 컨테이너 포트(${p.containerPort})만 적고, 호스트 포트는 docker run -p로 연결합니다.`,
  },
});

export const ExposeInvalidFormat: InstructionRule = {
  code: 'ExposeInvalidFormat',
  kind: 'build-check',
  scope: 'instruction',
  severity: 'warning',
  docs: buildCheckDocs('expose-invalid-format'),
  description: text(
    'EXPOSE should not name an IP address or a host-port mapping.',
    'EXPOSE에는 IP 주소나 호스트 포트 매핑을 쓰지 않습니다.',
  ),
  messages,
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'ExposeInvalidFormat' }],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nEXPOSE 127.0.0.1:80:80\n', range: '1:7-1:22' }],
    valid: ['FROM alpine\nEXPOSE ${PORT:-80}\n'],
  },
  check(instruction, escapeChar) {
    if (instruction.keyword !== 'EXPOSE') return [];
    return (instruction.ports ?? []).flatMap((port) => {
      const raw = port.raw.raw;
      // The builder reads the word with quotes removed; `${PORT:-80}` holds a colon that is not a mapping.
      const word = processWord(port.raw, escapeChar, false);
      const read = word.hasVariable ? replaceVariableReferences(raw, '', false) : word.value;
      if (!read.includes(':')) return [];
      const containerPort = (word.hasVariable ? raw : word.value).slice(
        (word.hasVariable ? raw : word.value).lastIndexOf(':') + 1,
      );
      return [
        {
          range: port.raw.range,
          message: messages.addressOrHostPort({ raw, containerPort }),
          fixes:
            hasVariable(raw) || containerPort === ''
              ? undefined
              : [
                  fix(`Keep only ${containerPort}`, `${containerPort}만 남기기`, [
                    replace(port.raw.range, containerPort),
                  ]),
                ],
        },
      ];
    });
  },
};
