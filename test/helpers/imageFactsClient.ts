// A test client that answers the server's layerwise/imageFacts (as the extension does from
// `docker image inspect`) and keeps the order of events: each answer and each full publish gets
// the next number, so a test can wait for the diagnostics checked with an answer.
import { IMAGE_FACTS, IMAGE_FACTS_OPTION, type ImageFactsParams } from '../../protocol/src/protocol';
import { eventually } from './dockerEngine';
import { type Diagnostic, LspClient, type PublishedDiagnostics } from './lspClient';

export interface ImageFactsClient {
  readonly client: LspClient;
  /** An answer about `reference` was sent since it was last forgotten. */
  answered(reference: string): boolean;
  /** The next wait for `reference` waits for a new answer. */
  forgetAnswer(reference: string): void;
  /** The last full publish for `uri`. */
  published(uri: string): PublishedDiagnostics | undefined;
  /** The diagnostics of `uri` published after the answer about `reference`. */
  diagnosticsAfterAnswer(uri: string, reference: string): Promise<Diagnostic[]>;
}

/**
 * Starts an in-process server that asks for image facts; `answer` gives one entry (facts, junk or
 * null) per reference, or throws to fail the request. `timeoutMs` bounds each wait for diagnostics;
 * `locale` is the display language the server is started with (English unless told).
 */
export async function startImageFactsClient(
  answer: (references: string[]) => unknown[] | Promise<unknown[]>,
  timeoutMs = 10_000,
  locale?: string,
): Promise<ImageFactsClient> {
  const client = await LspClient.start({
    transport: 'in-process',
    initializationOptions: { [IMAGE_FACTS_OPTION]: true, ...(locale === undefined ? {} : { locale }) },
  });
  let sequence = 0;
  const answeredAt = new Map<string, number>();
  const published = new Map<string, { at: number; params: PublishedDiagnostics }>();
  client.publishListeners.push((params) => {
    if (!params.partial) published.set(params.uri, { at: ++sequence, params });
  });
  client.connection.onRequest(IMAGE_FACTS.method, async (params: ImageFactsParams) => {
    const images = await answer(params.references);
    for (const reference of params.references) answeredAt.set(reference, ++sequence);
    return { images };
  });
  return {
    client,
    answered: (reference) => answeredAt.has(reference),
    forgetAnswer: (reference) => answeredAt.delete(reference),
    published: (uri) => published.get(uri)?.params,
    diagnosticsAfterAnswer: (uri, reference) =>
      eventually(
        async () => {
          const answered = answeredAt.get(reference);
          const last = published.get(uri);
          return answered !== undefined && last !== undefined && last.at > answered
            ? last.params.diagnostics
            : undefined;
        },
        timeoutMs,
        `diagnostics of ${uri} after the answer about ${reference}`,
      ),
  };
}
