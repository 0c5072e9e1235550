// End-to-end: build insight with the builders users have besides the classic one, in real VS Code
// (code-server + Chromium) with the packaged .vsix. Real BuildKit (`layerwise.docker.path` =
// /usr/bin/docker, `layerwise.docker.env` = {"DOCKER_BUILDKIT": "1"}) and Podman
// (`layerwise.docker.path` = podman) each build a multi-stage Dockerfile through "Layerwise: Build
// Image"; the terminal and the status bar name the builder, and the layer hints on the
// instructions say what the last build did. Both are machine settings, so they are user settings
// here (a workspace value is ignored).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';

import { engine, podmanBuilder } from '../docker/builderHarness';
import { useWorkbenchSession } from './session';
import {
  answerInput,
  closeAllEditors,
  editorText,
  openFile,
  runCommand,
  screenshot,
  terminalText,
  waitUntil,
} from './workbench';

const NONCE = randomBytes(4).toString('hex');
const FILE = 'builders.Dockerfile';
const runLabel = `layerwise.e2e.run=${NONCE}`;
// The label marks every image Podman makes for a step (they inherit it), so they can be removed;
// the RUN's text is new to every run, so the builder runs it rather than taking it from the cache.
const dockerfile = `FROM scratch AS base
LABEL ${runLabel}
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]

FROM base AS site
RUN mkdir -p /www && echo "hello from ${NONCE}" > /www/index.html

FROM base
COPY --from=site /www /www
EXPOSE 8080
CMD ["httpd", "-f", "-p", "8080", "-h", "/www"]
`;
/** The instructions that make a layer, each with a hint. */
const layerInstructions = ['COPY busybox', 'RUN ["/bin/busybox"', 'RUN mkdir -p /www', 'COPY --from=site'];
/** New in every run: the builder runs them. The COPY is a layer of the image, so `history` gives its size. */
const alwaysRuns = 'RUN mkdir -p /www';
const alwaysRunsWithSize = 'COPY --from=site';

/** The rendered line that starts with `start`, with its inlay hint (VS Code renders hints inside the line). */
function lineStarting(text: string, start: string): string {
  return text.split('\n').find((line) => line.startsWith(start)) ?? '';
}

const builders = [
  {
    name: 'real BuildKit',
    session: 'layerwise-e2e-buildkit',
    settings: { 'layerwise.docker.path': '/usr/bin/docker', 'layerwise.docker.env': { DOCKER_BUILDKIT: '1' } },
    label: 'BuildKit (DOCKER_BUILDKIT=1)',
  },
  {
    name: 'Podman',
    session: 'layerwise-e2e-podman',
    settings: { 'layerwise.docker.path': 'podman' },
    label: 'Podman (buildah)',
  },
] as const;

/** VS Code cuts inlay hints at 43 characters by default, which hides the "last build" part. */
const wholeHints = { 'editor.inlayHints.maximumLength': 0 };

for (const builder of builders) {
  describe(`build insight with ${builder.name} in VS Code (code-server + Chromium)`, { timeout: 3 * 60_000 }, () => {
    const { page, image: IMAGE } = useWorkbenchSession({
      name: builder.session,
      shotPrefix: `${builder.session}-`,
      files: { [FILE]: dockerfile },
      settings: { ...wholeHints, ...builder.settings },
    });
    // The session removes the image from docker; Podman's images (and the step images it keeps) go here.
    after(async () => {
      if (builder.name !== 'Podman') return;
      await engine(podmanBuilder, ['rmi', '-f', IMAGE]);
      // Newest first; an image another one was built on goes in a later pass.
      for (let pass = 0; pass < 3; pass++) {
        const listed = await engine(podmanBuilder, ['images', '-a', '-q', '--filter', `label=${runLabel}`]);
        const ids = listed.stdout.split('\n').filter((line) => line.trim() !== '');
        if (ids.length === 0) break;
        for (const id of ids) await engine(podmanBuilder, ['rmi', id.trim()]);
      }
    });

    it(`"Layerwise: Build Image" builds with ${builder.name}, and the terminal and status bar say so`, async () => {
      const p = page();
      await closeAllEditors(p);
      await openFile(p, FILE);
      await runCommand(p, 'Layerwise: Build Image');
      await answerInput(p, 'Target stage (--target)');
      await answerInput(p, 'Image name:tag', IMAGE);
      await answerInput(p, 'Build context directory');
      const output = await waitUntil(
        () => terminalText(p).catch(() => ''),
        (text) => text.includes(`Built with ${builder.label}.`) || /failed|error/i.test(text),
        `the build to end with "Built with ${builder.label}."`,
        120_000,
      );
      assert.ok(output.includes(`Built with ${builder.label}.`), output);
      await screenshot(p, `${builder.session}-terminal`);
      const statusBar = await waitUntil(
        () =>
          p
            .locator('.statusbar-item', { hasText: 'cached' })
            .first()
            .innerText()
            .catch(() => ''),
        (text) => text.includes(builder.label),
        'the status bar to name the builder',
      );
      assert.match(statusBar, /\d+\/\d+ cached/);
    });

    it('the layer hints on the instructions say what the last build did', async () => {
      const p = page();
      await closeAllEditors(p);
      const editor = await openFile(p, FILE);
      const text = await waitUntil(
        () => editorText(editor),
        (shown) => layerInstructions.every((start) => /last build: (ran|cached)/.test(lineStarting(shown, start))),
        'a "last build" hint on every layer instruction',
      );
      assert.match(lineStarting(text, alwaysRuns), /· last build: ran \d/);
      assert.match(lineStarting(text, alwaysRunsWithSize), /· last build: ran \d[^,·]*, \d[\d.]* [kMGT]?B\b/);
      for (const start of layerInstructions) assert.match(lineStarting(text, start), /layer \d+ · /);
      await screenshot(p, `${builder.session}-hints`);
    });
  });
}
