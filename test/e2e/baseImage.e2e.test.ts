// End-to-end: a Dockerfile FROM a base image built on the local engine before VS Code starts.
// The extension reads the image's config with `docker image inspect` when the server asks
// (layerwise/imageFacts), and the FROM hover in real VS Code shows its user and command.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { docker, engineSkipReason, makeBuildContext } from '../helpers/dockerEngine';
import { useWorkbenchSession } from './session';
import { closeAllEditors, plain, screenshot, showHover, waitUntil } from './workbench';

const BASE = `layerwise-e2e-base:${process.pid}-${Date.now().toString(36)}`;

const baseDockerfile = `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
USER 1234:1234
CMD ["httpd", "-f", "-p", "8080"]
`;

describe('the base image in VS Code (code-server + Chromium)', { timeout: 3 * 60_000 }, () => {
  // Built before the workbench opens (this hook is registered before the session's).
  before(async () => {
    const skip = await engineSkipReason();
    assert.equal(skip, undefined, skip);
    const context = makeBuildContext({ Dockerfile: baseDockerfile });
    try {
      const built = await docker(['build', '-q', '-t', BASE, context.dir]);
      assert.equal(built.exitCode, 0, built.stderr);
    } finally {
      context.remove();
    }
  });
  after(async () => {
    await docker(['rmi', '-f', BASE]);
  });

  const { page } = useWorkbenchSession({
    name: 'layerwise-e2e-base',
    shotPrefix: 'base-',
    files: { 'app.Dockerfile': `FROM ${BASE}\nCOPY index.html /www/\n` },
  });

  it("hovering FROM shows the local image's user and command", async () => {
    const p = page();
    await closeAllEditors(p);
    // The facts arrive after the first check of the file: a hover shown before them is shown again.
    // Their arrival refreshes the inlay hints, which can close a hover being shown: then it is
    // asked for again rather than waited for.
    const text = await waitUntil(
      async () => {
        const hover = await showHover(p, 'app.Dockerfile', 1, 3);
        const shown = await waitUntil(
          () => hover.innerText().catch(() => ''),
          (value) => value.trim() !== '',
          'a hover on FROM',
          10_000,
        ).catch(() => '');
        await p.keyboard.press('Escape');
        return plain(shown);
      },
      (shown) => shown.includes('1234:1234') && /httpd.*-f.*-p.*8080/.test(shown),
      "the hover to show the base image's user and command",
      60_000,
    );
    assert.match(text, /sha256:[0-9a-f]{6}/, 'the hover says the facts come from the local image');
    const shown = await showHover(p, 'app.Dockerfile', 1, 3);
    await waitUntil(
      () => shown.innerText().catch(() => ''),
      (value) => value.includes('1234:1234'),
      'the hover again, for the screenshot',
      15_000,
    );
    await screenshot(p, 'base-image-hover');
    await p.keyboard.press('Escape');
  });
});
