import { LspClient } from './helpers/lspClient';
(async () => {
  const c = await LspClient.start({ initializationOptions: { locale: process.argv[2] ?? 'en' } });
  const text = `# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended,
ARG NODE=20

FROM node:\${NODE}-alpine AS build
WORKDIR /app
RUN --mount=type=cache,target=/root/.npm,sharing= cd /app && npm ci
CMD node server.js
FROM alpine:
COPY --from= /app /app
RUN echo \${NO $TARGETARCH
ONBUILD 
HEALTHCHECK 
RUN --
FROM --platform= x
`;
  await c.open('file:///t/Dockerfile', text);
  const pts: [number, number][] = [[1, 34], [3, 0], [5, 3], [6, 50], [6, 21], [6, 41], [8, 12], [9, 12], [10, 14], [10, 17], [11, 8], [12, 12], [13, 6], [14, 16], [4, 5], [4, 26]];
  for (const [line, character] of pts) {
    const r: any = await c.request('textDocument/completion', { textDocument: { uri: 'file:///t/Dockerfile' }, position: { line, character } });
    const items = Array.isArray(r) ? r : r?.items ?? [];
    console.log(`--- ${line}:${character} (${items.length})`, items.slice(0, 12).map((i: any) => `${i.label}${i.textEdit ? `@${i.textEdit.range.start.character}-${i.textEdit.range.end.character}` : ''}`).join(' | '));
  }
  for (const [line, character] of [[9, 14], [9, 20], [4, 6], [6, 60], [7, 5]] as [number, number][]) {
    const r: any = await c.request('textDocument/signatureHelp', { textDocument: { uri: 'file:///t/Dockerfile' }, position: { line, character } });
    console.log('sig', line, character, r?.signatures[r.activeSignature]?.label, r?.activeParameter);
  }
  await c.stop();
})();
