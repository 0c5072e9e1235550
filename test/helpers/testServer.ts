// One language server per test file: started before its tests, stopped after them, with a
// helper that opens each inline document under its own URI.
import { after, before } from 'node:test';
import { LspClient, type LspClientOptions } from './lspClient';

export interface TestServer {
  readonly client: LspClient;
  /** Opens `text` (at `uri`, or a fresh URI) and waits for its diagnostics; returns the URI. */
  open(text: string, uri?: string): Promise<string>;
}

export function useTestServer(name: string, options: LspClientOptions = {}): TestServer {
  let client: LspClient | undefined;
  let count = 0;
  before(async () => {
    client = await LspClient.start(options);
  });
  after(async () => {
    await client?.stop();
  });
  const server: TestServer = {
    get client(): LspClient {
      if (!client) throw new Error('the test server is not started yet');
      return client;
    },
    async open(text, uri = `file:///${name}/${count++}/Dockerfile`) {
      await server.client.open(uri, text);
      return uri;
    },
  };
  return server;
}
