// The browser bundle of the server (dist/browser/server.js, built by `npm run build`) speaks LSP in
// a web worker without a browser (test/helpers/browserWorkerServer.ts): its .wasm files fetched
// over HTTP, its files read through the client's answers to layerwise/fs/* over a real folder.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  type PublishedDiagnostics,
  serveWasm,
  startWorkerServer,
  type WorkerServer,
} from '../helpers/browserWorkerServer';
import { makeFolder, removeFolders } from '../helpers/cli';

let wasm: { url: string; close(): void };
before(async () => {
  wasm = await serveWasm();
});
after(() => {
  wasm.close();
  removeFolders();
});

const startWorker = (folder: string): Promise<WorkerServer> => startWorkerServer(folder, wasm.url);

/** Waits until the published diagnostics of `uri` satisfy `ok`; fails with the last ones after `ms`. */
async function publishedWhen(
  published: Map<string, PublishedDiagnostics>,
  uri: string,
  ok: (codes: unknown[]) => boolean,
  ms = 20_000,
): Promise<unknown[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const codes = published.get(uri)?.diagnostics.map((d) => d.code) ?? [];
    if (published.has(uri) && ok(codes)) return codes;
    if (Date.now() > deadline) assert.fail(`diagnostics of ${uri} never matched; last: ${JSON.stringify(codes)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

test('the worker bundle checks a Dockerfile with the shell parser, hovers in English and Korean', async () => {
  const folder = makeFolder({ 'app.sh': 'echo hi\n' });
  const server = await startWorker(folder);
  try {
    const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
    // RUNX: a parse finding; `apt-get install` without -y: a rule that reads RUN through tree-sitter-bash.
    const text = 'from alpine:3.20\nRUN apt-get update && apt-get install curl\nRUNX echo hi\nRUN echo a&&echo b\n';
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text },
    });
    const codes = await publishedWhen(server.published, uri, (found) => found.includes('unknown-instruction'));
    assert.ok(codes.includes('ConsistentInstructionCasing'), `a rule of the document: ${JSON.stringify(codes)}`);
    assert.ok(
      codes.includes('AptGetInstallWithoutYes'),
      `a rule reading RUN as shell ran (the .wasm loaded over HTTP): ${JSON.stringify(codes)}`,
    );

    const hoverAt = async (): Promise<string> => {
      const hover = (await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 1, character: 1 },
      })) as { contents: { value: string } } | null;
      return hover?.contents.value ?? '';
    };
    const english = await hoverAt();
    assert.match(english, /RUN/);
    assert.doesNotMatch(english, /[\uac00-\ud7a3]/, 'English first');
    // shfmt's printer (sh-syntax's .wasm, also fetched) spaces the operator of a RUN.
    const spaced = (await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    })) as { newText: string }[];
    assert.ok(
      spaced.some((edit) => edit.newText.includes('echo a && echo b')),
      `RUN formatted by shfmt: ${JSON.stringify(spaced)}`,
    );
    await server.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { layerwise: { docs: { language: 'ko' } } },
    });
    assert.match(await hoverAt(), /[\uac00-\ud7a3]/, 'Korean after the setting changed');
  } finally {
    await server.stop();
  }
});

test('the worker reads .dockerignore, .layerwise.json and the context through the client', async () => {
  const folder = makeFolder({
    'package.json': '{}',
    '.git/HEAD': 'ref: refs/heads/main\n',
    'dist/out.js': '',
    'quiet/.layerwise.json': '{"diagnostics": {"enable": false}}',
    'partial/.dockerignore': 'node_modules\n',
    'partial/package.json': '{}',
    'partial/.git/HEAD': 'ref: refs/heads/main\n',
    'partial/dist/out.js': '',
  });
  // As the browser client sends them: one URL per file.
  const wasmUrls = Object.fromEntries(
    ['tree-sitter.wasm', 'tree-sitter-bash.wasm', 'sh-syntax.wasm'].map((file) => [file, `${wasm.url}${file}`]),
  );
  const server = await startWorkerServer(folder, wasmUrls);
  try {
    const broadCopy = 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm run build\n';
    const open = (path: string, text: string): Promise<void> =>
      server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: pathToFileURL(join(folder, path)).href, languageId: 'dockerfile', version: 1, text },
      });
    await open('Dockerfile', broadCopy);
    await open('quiet/Dockerfile', 'FROM alpine:3.20\nRUNX echo hi\n');
    // Its shell rule needs tree-sitter, loaded from the per-file URLs.
    await open('partial/Dockerfile', `${broadCopy}RUN apt-get install curl\n`);

    // Known only once the client has listed the folder: the root holds .git and no .dockerignore.
    await publishedWhen(server.published, pathToFileURL(join(folder, 'Dockerfile')).href, (codes) =>
      codes.includes('DockerignoreMissing'),
    );
    // Its fix creates the .dockerignore at a URI of the document's own scheme (node:url's browser place).
    const rootUri = pathToFileURL(join(folder, 'Dockerfile')).href;
    const missing = server.published.get(rootUri)!.diagnostics.find((d) => d.code === 'DockerignoreMissing');
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: rootUri },
      range: missing?.range,
      context: { diagnostics: [missing] },
    })) as { edit?: { documentChanges?: { kind?: string; uri?: string }[] } }[];
    const created = actions.flatMap((action) => action.edit?.documentChanges ?? []).find((c) => c.kind === 'create');
    assert.equal(created?.uri, pathToFileURL(join(folder, '.dockerignore')).href);
    // The project file (read through the client) turns diagnostics off below it.
    await publishedWhen(
      server.published,
      pathToFileURL(join(folder, 'quiet/Dockerfile')).href,
      (codes) => codes.length === 0,
    );
    // Its .dockerignore (read through the client) leaves out node_modules only: .git and dist are missing.
    const partial = await publishedWhen(
      server.published,
      pathToFileURL(join(folder, 'partial/Dockerfile')).href,
      (codes) => codes.includes('DockerignoreIncomplete') && codes.includes('AptGetInstallWithoutYes'),
    );
    assert.ok(!partial.includes('DockerignoreMissing'), `its .dockerignore was read: ${JSON.stringify(partial)}`);
    assert.ok(
      server.fileRequests.some((uri) => uri.endsWith('/quiet/.layerwise.json')),
      'the project file was asked of the client',
    );
  } finally {
    await server.stop();
  }
});
