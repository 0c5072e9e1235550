// The browser bundle of the server swaps node:path and node:url for its own modules
// (server/src/browser/shims, scripts/build.mjs): the path functions must agree with Node's POSIX
// ones, and workspace URIs of any scheme must map to paths and back.
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { posix as browserPath } from '../../server/src/browser/shims/path';
import { WorkspaceUris } from '../../server/src/browser/workspaceUris';

/** Paths made of the parts that matter to these functions: separators, dots, names. */
const pathText = fc
  .array(fc.constantFrom('/', '//', '.', '..', 'a', 'b', 'src', '.git', 'x.ts', ''), { maxLength: 8 })
  .map((parts) => parts.join(''));
const absolutePath = pathText.map((path) => `/${path}`);

test('the browser path functions agree with node:path posix', () => {
  fc.assert(
    fc.property(pathText, pathText, (first, second) => {
      for (const name of ['normalize', 'dirname', 'basename', 'isAbsolute'] as const)
        assert.deepEqual(browserPath[name](first), posix[name](first), `${name}(${JSON.stringify(first)})`);
      assert.equal(browserPath.join(first, second), posix.join(first, second), `join ${first} ${second}`);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(absolutePath, absolutePath, (from, to) => {
      assert.equal(browserPath.relative(from, to), posix.relative(from, to), `relative ${from} ${to}`);
      assert.equal(browserPath.resolve(from, to), posix.resolve(from, to));
    }),
    { numRuns: 2000 },
  );
  assert.equal(browserPath.basename('/a/Dockerfile.dockerignore', '.dockerignore'), 'Dockerfile');
  assert.equal(browserPath.join('a', '../b'), 'b');
});

test('workspace URIs of any scheme map to paths and back to the same scheme and authority', () => {
  const uris = new WorkspaceUris();
  const dockerfile = 'vscode-vfs://github%2B7b22/owner/repo/svc/Dockerfile';
  assert.equal(uris.pathOf(dockerfile), '/owner/repo/svc/Dockerfile');
  assert.equal(uris.uriOf('/owner/repo/svc/.dockerignore'), 'vscode-vfs://github%2B7b22/owner/repo/svc/.dockerignore');
  assert.equal(
    uris.pathOf('vscode-remote://localhost:8080/home/me/with%20space/Dockerfile'),
    '/home/me/with space/Dockerfile',
  );
  assert.equal(
    uris.uriOf('/home/me/with space/.layerwise.json'),
    'vscode-remote://localhost:8080/home/me/with%20space/.layerwise.json',
  );
  // A path under the first folder keeps the first folder's origin.
  assert.equal(uris.uriOf('/owner/repo/svc/deep/x'), 'vscode-vfs://github%2B7b22/owner/repo/svc/deep/x');
  assert.equal(uris.pathOf('untitled:Untitled-1'), undefined);
  assert.equal(uris.pathOf('vscode-vfs://host/%E0%A4%A'), undefined, 'a malformed escape is no path');
});
