// Prints how long instruction and flag hovers are (characters of Markdown), in both languages:
// the mean and the maximum over every instruction keyword and every documented flag, on
// realistic lines. Usage: node --import tsx scripts/hover-lengths.ts [brief|full] [--each]
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseText } from '../core/src/parser';
import { AnalysedDocument } from '../core/src/engine/analysedDocument';
import type { DocDetail } from '../server/src/service/hover/docMarkdown';
import { hover } from '../server/src/service/hover/hover';
import type { Language } from '../core/src/engine/language';
import { initShellParser } from '../core/src/shell';

/** A line for each keyword; ¦ marks the hovered character. */
const KEYWORD_LINES: Record<string, string> = {
  FROM: 'F¦ROM node:22-alpine AS build',
  RUN: 'R¦UN apk add --no-cache curl',
  CMD: 'C¦MD ["node", "server.js"]',
  LABEL: 'L¦ABEL org.opencontainers.image.source="https://example.com/app"',
  MAINTAINER: 'M¦AINTAINER me@example.com',
  EXPOSE: 'E¦XPOSE 8080',
  ENV: 'E¦NV NODE_ENV=production',
  ADD: 'A¦DD https://example.com/x.tgz /opt/',
  COPY: 'C¦OPY package.json ./',
  ENTRYPOINT: 'E¦NTRYPOINT ["node"]',
  VOLUME: 'V¦OLUME /data',
  USER: 'U¦SER node',
  WORKDIR: 'W¦ORKDIR /app',
  ARG: 'A¦RG VERSION=1',
  ONBUILD: 'O¦NBUILD RUN make',
  STOPSIGNAL: 'S¦TOPSIGNAL SIGTERM',
  HEALTHCHECK: 'H¦EALTHCHECK NONE',
  SHELL: 'S¦HELL ["/bin/bash", "-o", "pipefail", "-c"]',
};

/** A realistic value and rest of the line for each documented flag. */
const FLAG_LINES: Record<string, string> = {
  'FROM--platform': 'FROM --p¦latform=$BUILDPLATFORM golang:1.23 AS tools',
  'RUN--mount': 'RUN --m¦ount=type=cache,target=/root/.npm npm ci',
  'RUN--network': 'RUN --n¦etwork=none make',
  'RUN--security': 'RUN --s¦ecurity=insecure make',
  'COPY--from': 'COPY --f¦rom=build /out /app/',
  'COPY--chown': 'COPY --c¦hown=node:node . /app/',
  'COPY--chmod': 'COPY --c¦hmod=755 run.sh /usr/local/bin/',
  'COPY--link': 'COPY --l¦ink dist/ /app/',
  'COPY--parents': 'COPY --p¦arents src/*/package.json /app/',
  'COPY--exclude': 'COPY --e¦xclude=*.md . /app/',
  'ADD--checksum':
    'ADD --c¦hecksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d ' +
    'https://example.com/x.tgz /opt/',
  'ADD--keep-git-dir': 'ADD --k¦eep-git-dir=true https://github.com/moby/buildkit.git#v0.10.1 /src',
  'ADD--chown': 'ADD --c¦hown=node:node https://example.com/x.tgz /opt/',
  'ADD--chmod': 'ADD --c¦hmod=755 https://example.com/tool /usr/local/bin/tool',
  'ADD--link': 'ADD --l¦ink https://example.com/x.tgz /opt/',
  'ADD--exclude': 'ADD --e¦xclude=*.md assets/ /srv/',
  'ADD--unpack': 'ADD --u¦npack=true https://example.com/x.tgz /opt/',
  'HEALTHCHECK--interval': 'HEALTHCHECK --i¦nterval=30s CMD curl -fsS http://localhost/ || exit 1',
  'HEALTHCHECK--timeout': 'HEALTHCHECK --t¦imeout=3s CMD curl -fsS http://localhost/ || exit 1',
  'HEALTHCHECK--start-period': 'HEALTHCHECK --start-p¦eriod=20s CMD curl -fsS http://localhost/ || exit 1',
  'HEALTHCHECK--start-interval': 'HEALTHCHECK --start-i¦nterval=2s CMD curl -fsS http://localhost/ || exit 1',
  'HEALTHCHECK--retries': 'HEALTHCHECK --r¦etries=3 CMD curl -fsS http://localhost/ || exit 1',
};

const PREAMBLE = 'FROM node:22-alpine AS build\n';

function hoverLength(line: string, language: Language, detail: DocDetail): number {
  const row = line.startsWith('FROM') || line.startsWith('F¦ROM') ? 0 : 1;
  const marked = row === 0 ? line : `${PREAMBLE}${line}`;
  const offset = marked.indexOf('¦');
  const text = marked.replace('¦', '');
  const character = offset - (row === 0 ? 0 : PREAMBLE.length);
  const document = new AnalysedDocument('file:///measure/Dockerfile', 1, text, parseText(text));
  const reply = hover(document, { line: row, character }, language, detail);
  if (!reply) throw new Error(`no hover on ${line}`);
  return (reply.contents as { value: string }).value.length;
}

function figures(lengths: number[]): string {
  const mean = Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length);
  return `n=${lengths.length} mean=${mean} max=${Math.max(...lengths)}`;
}

async function main(): Promise<void> {
  await initShellParser();
  const detail: DocDetail = process.argv[2] === 'full' ? 'full' : 'brief';
  const each = process.argv.includes('--each');
  const documented = readdirSync(resolve(__dirname, '../core/docs/en/flag')).map((f) => f.replace(/\.md$/, ''));
  const missing = documented.filter((name) => !FLAG_LINES[name]);
  if (missing.length) throw new Error(`no example line for ${missing.join(', ')}`);
  for (const language of ['en', 'ko'] as const) {
    const keywords = Object.entries(KEYWORD_LINES).map(
      ([name, line]) => [name, hoverLength(line, language, detail)] as const,
    );
    const flags = documented.map((name) => [name, hoverLength(FLAG_LINES[name]!, language, detail)] as const);
    console.log(
      `${language} ${detail}: instructions ${figures(keywords.map(([, n]) => n))}; ` +
        `flags ${figures(flags.map(([, n]) => n))}; all ${figures([...keywords, ...flags].map(([, n]) => n))}`,
    );
    if (each) for (const [name, n] of [...keywords, ...flags]) console.log(`  ${name} ${n}`);
  }
}

void main();
