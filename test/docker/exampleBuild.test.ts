// examples/Dockerfile builds with no registry, as examples/README.md says: copy busybox into the
// context, build, run, fetch the page. Works on a copy so the repository stays clean.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { busyboxPath, docker, engineSkipReason, eventually, freePort } from '../helpers/dockerEngine';

const EXAMPLES = resolve(__dirname, '../../examples');

describe('examples/Dockerfile', async () => {
  const skip = await engineSkipReason();
  if (skip !== undefined) console.log(`# skipping the example build: ${skip}`);
  const suffix = randomBytes(4).toString('hex');
  const tag = `layerwise-example-${suffix}`;
  const context = mkdtempSync(join(tmpdir(), 'layerwise-example-'));

  after(async () => {
    if (skip === undefined) {
      await docker(['rm', '--force', tag]);
      await docker(['image', 'rm', '--force', tag]);
    }
    rmSync(context, { recursive: true, force: true });
  });

  it('builds from scratch with busybox copied in, and serves its page', { skip, timeout: 180_000 }, async () => {
    cpSync(EXAMPLES, context, { recursive: true });
    copyFileSync(busyboxPath, join(context, 'busybox'));
    const build = await docker(['build', '--tag', tag, context]);
    assert.equal(build.exitCode, 0, build.stdout + build.stderr);

    const port = await freePort();
    const run = await docker(['run', '--detach', '--name', tag, '--publish', `127.0.0.1:${port}:8080`, tag]);
    assert.equal(run.exitCode, 0, run.stderr);
    const page = await eventually(
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        return response.ok ? response.text() : undefined;
      },
      20_000,
      'the example page',
    );
    assert.match(page, /<h1>Hello from a scratch-built image<\/h1>/);
  });
});
