// The file access behind everything the server reads from disk (core/src/files/fileAccess.ts), in
// both implementations: Node's fs, and the browser server's typed requests answered by the client's
// code (client/src/files/fileRequests.ts) over a real JSON-RPC connection, here from a real folder.
import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { answerReadDirectory, answerReadFile } from '../../client/src/files/fileRequests';
import { walkContext } from '../../core/src/context/contextWalk';
import { type FileAccess, fileErrorCode, NOT_READ_YET } from '../../core/src/files/fileAccess';
import { nodeFiles } from '../../core/src/files/nodeFileAccess';
import { READ_DIRECTORY, READ_FILE } from '../../protocol/src/protocol';
import {
  type FileRequests,
  RequestFileAccess,
  type RequestFileAccessOptions,
} from '../../server/src/browser/requestFileAccess';
import { WorkspaceUris } from '../../server/src/browser/workspaceUris';
import { makeFolder, removeFolders } from '../helpers/cli';
import { nodeWorkspaceFs } from '../helpers/nodeWorkspaceFs';

after(removeFolders);

const connections: { dispose(): void }[] = [];
after(() => {
  for (const connection of connections) connection.dispose();
});

/** The server's requests over JSON-RPC to a client end that answers them from the real folder. */
function requestsToClient(): FileRequests {
  const toClient = new PassThrough();
  const toServer = new PassThrough();
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.onRequest(READ_FILE, (params) => answerReadFile(nodeWorkspaceFs, params));
  client.onRequest(READ_DIRECTORY, (params) => answerReadDirectory(nodeWorkspaceFs, params));
  client.listen();
  const server = createMessageConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  server.listen();
  connections.push(client, server);
  return {
    readFile: (params) => server.sendRequest(READ_FILE, params),
    readDirectory: (params) => server.sendRequest(READ_DIRECTORY, params),
  };
}

function requestAccess(options: RequestFileAccessOptions = {}, requests = requestsToClient()): RequestFileAccess {
  const access = new RequestFileAccess(requests, new WorkspaceUris(), options);
  // As the server does for every document: the path of a file: URI (remembering its scheme).
  access.pathOf(pathToFileURL('/').href);
  return access;
}

/** A synchronous read, once its answer has come (the request access throws NOT_READ_YET until then). */
async function settled<T>(read: () => T): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return read();
    } catch (error) {
      if (fileErrorCode(error) !== NOT_READ_YET || tries > 500) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** The error code a read throws (after its answer came). */
async function codeOf(read: () => unknown): Promise<string | undefined> {
  try {
    await settled(read);
  } catch (error) {
    return fileErrorCode(error);
  }
  return 'no error';
}

const IMPLEMENTATIONS: [string, () => FileAccess][] = [
  ['Node fs', () => nodeFiles],
  ['requests to the client', () => requestAccess()],
];

for (const [name, make] of IMPLEMENTATIONS) {
  describe(`file access: ${name}`, () => {
    const root = makeFolder({
      '.dockerignore': 'node_modules\n',
      'src/a.ts': 'a',
      'src/b.ts': 'b',
      'src/deep/c.ts': 'c',
      'big.txt': 'x'.repeat(300 * 1024),
    });
    symlinkSync(join(root, 'src'), join(root, 'link-to-src'));

    test('stat and readText tell files, folders and absent paths apart', async () => {
      const files = make();
      const ignore = await settled(() => files.stat(join(root, '.dockerignore')));
      assert.deepEqual(ignore, { isFile: true, isDirectory: false, size: 13 });
      assert.equal(await settled(() => files.readText(join(root, '.dockerignore'))), 'node_modules\n');
      assert.equal((await settled(() => files.stat(join(root, 'src')))).isDirectory, true);
      assert.equal(await codeOf(() => files.stat(join(root, 'missing'))), 'ENOENT');
      assert.equal(await codeOf(() => files.stat(join(root, '.dockerignore', 'below'))), 'ENOTDIR');
    });

    test('readFolder lists at most what is asked and says when there is more', async () => {
      const files = make();
      const all = await settled(() => files.readFolder(join(root, 'src'), 100));
      assert.deepEqual(all.entries.map((entry) => [entry.name, entry.isDirectory()]).sort(), [
        ['a.ts', false],
        ['b.ts', false],
        ['deep', true],
      ]);
      assert.equal(all.complete, true);
      const top = await settled(() => files.readFolder(root, 2));
      assert.equal(top.entries.length, 2);
      assert.equal(top.complete, false);
    });

    test('openFolder and the walk never follow a symbolic link', async () => {
      const files = make();
      const names = new Map<string, boolean>();
      for await (const entry of await files.openFolder(root)) names.set(entry.name, entry.isDirectory());
      assert.equal(names.get('link-to-src'), false, 'a link is not a folder to enter');
      assert.equal(names.get('src'), true);
      const listing = await walkContext(root, undefined, { files });
      assert.deepEqual([...listing.files].sort(), [
        '.dockerignore',
        'big.txt',
        'link-to-src',
        'src/a.ts',
        'src/b.ts',
        'src/deep/c.ts',
      ]);
      assert.equal(listing.truncated, false);
      assert.deepEqual(listing.unreadable, []);
    });

    test('readRegularFile reads regular files within the size only; statLater waits', async () => {
      const files = make();
      assert.equal(await files.readRegularFile(join(root, 'src/a.ts'), 1024), 'a');
      assert.equal(await files.readRegularFile(join(root, 'big.txt'), 1024), undefined, 'too large');
      assert.equal(await files.readRegularFile(join(root, 'src'), 1024), undefined, 'a folder');
      assert.equal(await files.readRegularFile(join(root, 'missing'), 1024), undefined);
      assert.equal((await files.statLater(join(root, 'src'))).isDirectory, true);
      await assert.rejects(files.statLater(join(root, 'missing')), (error) => fileErrorCode(error) === 'ENOENT');
    });

    test('a path and its URI map both ways', () => {
      const files = make();
      const uri = pathToFileURL(join(root, 'src/with space.ts')).href;
      const path = files.pathOf(uri);
      assert.equal(path, join(root, 'src/with space.ts'));
      assert.equal(files.uriOf(path), uri);
      assert.equal(files.pathOf('untitled:Untitled-1'), undefined);
    });
  });
}

describe('file access over requests: bounded, late and failing answers', () => {
  test('a synchronous read asks once, throws NOT_READ_YET, and tells when the answer found something', async () => {
    const root = makeFolder({ '.layerwise.json': '{}' });
    const files = requestAccess();
    const told: string[][] = [];
    files.onAnswered((paths) => told.push([...paths]));
    const config = join(root, '.layerwise.json');
    assert.equal(await codeOf(() => files.stat(config)), 'no error');
    assert.equal(await codeOf(() => files.stat(join(root, 'absent.json'))), 'ENOENT');
    assert.deepEqual(told, [[config]], 'only the file that is there makes the server check again');
    assert.equal(files.readText(config), '{}', 'a small file came with its text: no second round trip');
    files.forget();
    assert.equal(await codeOf(() => files.readText(config)), 'no error', 'asked again after forget');
  });

  test('errors become clear results: a file over the text limit, a folder as a file, a file as a folder', async () => {
    const root = makeFolder({ 'big.txt': 'x'.repeat(2048), 'file.txt': 'x' });
    const files = requestAccess({ textBytes: 1024 });
    assert.equal((await settled(() => files.stat(join(root, 'big.txt')))).size, 2048);
    try {
      files.readText(join(root, 'big.txt'));
      assert.fail('read a file over the limit');
    } catch (error) {
      assert.equal(fileErrorCode(error), 'EFBIG');
      assert.match(String(error), /over 1024 bytes/);
    }
    await settled(() => files.stat(root));
    assert.equal(await codeOf(() => files.readText(root)), 'EISDIR');
    assert.equal(await codeOf(() => files.readFolder(join(root, 'file.txt'), 10)), 'ENOTDIR');
  });

  test('the walk stops at its entry budget over requests', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`d${i % 6}/f${i}.txt`] = '';
    const root = makeFolder(many);
    const listing = await walkContext(root, undefined, {
      files: requestAccess(),
      limits: { maxEntries: 20, maxFiles: 1000 },
    });
    assert.equal(listing.truncated, true);
    assert.equal(listing.entriesVisited, 20);
  });

  test('a folder with more names than one answer holds is listed in part and reported, not dropped', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.txt`] = '';
    const root = makeFolder(many);
    const listing = await walkContext(root, undefined, { files: requestAccess({ folderNames: 10 }) });
    assert.equal(listing.files.length, 10);
    assert.equal(listing.unreadable.length, 1);
    assert.match(String(listing.unreadable[0]!.error), /more than 10 names/);
  });

  test('a client that never answers gives a timeout error, and the walk ends with the folder not listed', async () => {
    const silent: FileRequests = {
      readFile: () => new Promise(() => undefined),
      readDirectory: () => new Promise(() => undefined),
    };
    const files = requestAccess({ timeoutMs: 50 }, silent);
    assert.equal(await codeOf(() => files.stat('/nowhere/.dockerignore')), 'ETIMEDOUT');
    assert.match(
      await files.statLater('/nowhere').then(
        () => 'answered',
        (error: unknown) => String(error),
      ),
      /did not answer .* within 50 ms/,
    );
    const listing = await walkContext('/nowhere', undefined, { files });
    assert.deepEqual(listing.files, []);
    assert.equal(listing.unreadable.length, 1);
    assert.equal(fileErrorCode(listing.unreadable[0]!.error), 'ETIMEDOUT');
  });

  test('the walk stops at its time budget when every folder answers slowly', async () => {
    const folders: Record<string, string> = {};
    for (let i = 0; i < 40; i++) folders[`d${i}/f.txt`] = '';
    const root = makeFolder(folders);
    const direct = requestsToClient();
    const slow: FileRequests = {
      readFile: direct.readFile,
      readDirectory: async (params) => {
        await new Promise((resolve) => setTimeout(resolve, 25));
        return direct.readDirectory(params);
      },
    };
    const listing = await walkContext(root, undefined, {
      files: requestAccess({}, slow),
      limits: { maxMilliseconds: 100 },
    });
    assert.equal(listing.truncated, true, '41 folders at 25 ms each cannot be read in 100 ms');
    assert.ok(listing.files.length < 40);
  });
});

test('the client answers: sizes over the asked limit come without text, links are not folders', async () => {
  const root = makeFolder({ 'a.txt': 'hello', 'folder/x': '' });
  symlinkSync(join(root, 'folder'), join(root, 'link'));
  writeFileSync(join(root, 'b.txt'), 'x'.repeat(100));
  const uri = (path: string): string => pathToFileURL(join(root, path)).href;
  assert.deepEqual(await answerReadFile(nodeWorkspaceFs, { uri: uri('a.txt'), maxBytes: 10 }), {
    kind: 'file',
    size: 5,
    text: 'hello',
  });
  assert.deepEqual(await answerReadFile(nodeWorkspaceFs, { uri: uri('b.txt'), maxBytes: 10 }), {
    kind: 'file',
    size: 100,
  });
  assert.deepEqual(await answerReadFile(nodeWorkspaceFs, { uri: uri('nope'), maxBytes: 10 }), {
    kind: 'error',
    code: 'ENOENT',
    message: ((await answerReadFile(nodeWorkspaceFs, { uri: uri('nope'), maxBytes: 10 })) as { message: string })
      .message,
  });
  const listed = await answerReadDirectory(nodeWorkspaceFs, { uri: uri(''), max: 10 });
  assert.equal(listed.kind, 'directory');
  assert.deepEqual(listed.kind === 'directory' ? [...listed.entries].sort() : [], [
    ['a.txt', false],
    ['b.txt', false],
    ['folder', true],
    ['link', false],
  ]);
});
