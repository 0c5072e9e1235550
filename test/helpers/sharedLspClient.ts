// One language server for a whole test file: started before its tests, stopped after them, and
// the folders made with makeFolder removed.
import { after, before } from 'node:test';
import { removeFolders } from './cli';
import { LspClient, type LspClientOptions } from './lspClient';

/** Registers the file's `before`/`after` hooks; `onStart` receives the started client. */
export function useSharedLspClient(onStart: (client: LspClient) => void, options: LspClientOptions = {}): void {
  let client: LspClient | undefined;
  before(async () => {
    client = await LspClient.start(options);
    onStart(client);
  });
  after(async () => {
    await client?.stop();
    removeFolders();
  });
}
