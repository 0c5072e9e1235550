// One in-process server per display language for hover tests, and hovering at a `¦` in a fresh
// document: the set-up the hover test files share.
import { after, before } from 'node:test';
import type { PublishedDiagnostics } from './lspClient';
import { withCursor } from './cursor';
import { LspClient } from './lspClient';

export interface HoverReply {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export const HOVER_LANGUAGES = ['en', 'ko'] as const;

/** `start:char-end:char` of a hover's range, or `none`. */
export const hoverSpan = (h: HoverReply | null): string =>
  h ? `${h.range.start.line}:${h.range.start.character}-${h.range.end.line}:${h.range.end.character}` : 'none';

/** Starts an English and a Korean server before the file's tests and stops them after. */
export function useHoverClients(folder: string): {
  clients: Map<string, LspClient>;
  /** Opens the marked text (waiting for its full diagnostics) and hovers at `¦`. */
  hoverOn(language: string, marked: string): Promise<{ hover: HoverReply | null; published: PublishedDiagnostics }>;
} {
  const clients = new Map<string, LspClient>();
  let documentCount = 0;
  before(async () => {
    for (const language of HOVER_LANGUAGES)
      clients.set(
        language,
        await LspClient.start({
          transport: 'in-process',
          initializationOptions: { locale: language === 'ko' ? 'ko-KR' : 'en-US' },
        }),
      );
  });
  after(async () => {
    for (const client of clients.values()) await client.stop();
  });
  return {
    clients,
    async hoverOn(language, marked) {
      const client = clients.get(language)!;
      const { text, position } = withCursor(marked);
      const uri = `file:///${folder}/${documentCount++}/Dockerfile`;
      const published = await client.open(uri, text);
      const hover = await client.request<HoverReply | null>('textDocument/hover', { textDocument: { uri }, position });
      return { hover, published };
    },
  };
}
