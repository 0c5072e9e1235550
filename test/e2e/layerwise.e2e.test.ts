// End-to-end: the packaged .vsix in real VS Code (code-server 4.100.3 = VS Code 1.100.3) in
// Chromium, driven by Playwright, against a real Docker engine. Run with `npm run test:e2e`,
// which installs everything (scripts/setup-e2e.sh) and packages the extension first.
//
// The steps share one workbench and run in order. Each starts by closing every editor, so it
// does not depend on the tabs, widgets or unsaved edits the previous one left; only the build
// hints and Run Container steps need the image the build step made.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { completeWorkdir, expectEnglishHoverOnFrom } from './languageSteps';
import { docker, freeHostPort, useWorkbenchSession } from './session';
import {
  afterDecorations,
  answerInput,
  chooseUserSetting,
  closeAllEditors,
  editorText,
  goTo,
  openFile,
  outputText,
  plain,
  runCommand,
  screenshot,
  showHover,
  showOutputChannel,
  showProblems,
  terminalText,
  waitUntil,
} from './workbench';

/** The language of the server's last "settings applied" log line in the Layerwise channel. */
function appliedLanguage(output: string): string | undefined {
  return [...output.matchAll(/Layerwise: settings applied \(language (\w+)\)/g)].at(-1)?.[1];
}

describe('Layerwise in VS Code (code-server + Chromium)', { timeout: 9 * 60_000 }, () => {
  const { page, image: IMAGE, container: CONTAINER } = useWorkbenchSession({ name: 'layerwise-e2e' });

  it('opening a Dockerfile activates Layerwise and the Problems panel lists its diagnostics', async (t) => {
    const p = page();
    await closeAllEditors(p);
    await showProblems(p, 'broken.Dockerfile', [
      'Unknown instruction: FORM.',
      'Bad substitution',
      'The heredoc EOF is never closed',
    ]);
    await screenshot(p, 'problems-panel');
    // The language tab shows our language, and the log says the server started.
    await showOutputChannel(p, 'Layerwise');
    const started = await waitUntil(
      () => outputText(p),
      (text) => /Layerwise language server started in \d+ ms/.test(text),
      'the Layerwise output channel',
    );
    t.diagnostic(started.match(/Layerwise language server started in \d+ ms/)?.[0] ?? '');
    await screenshot(p, 'output-channel');
  });

  it('highlights with the Layerwise grammar (Inspect Editor Tokens and Scopes)', async () => {
    const p = page();
    await closeAllEditors(p);
    const editor = await openFile(p, 'Dockerfile');
    await goTo(p, 3, 18); // FROM scratch AS w|eb
    await runCommand(p, 'Developer: Inspect Editor Tokens and Scopes');
    const widget = p.locator('.token-inspect-widget');
    await widget.waitFor();
    // The widget says "Loading..." until the tokens are in.
    const text = await waitUntil(
      () => widget.innerText().then(plain),
      (value) => !/^Loading/.test(value.trim()),
      'the token inspector to load',
    );
    assert.match(text, /entity\.name\.function\.stage\.dockerfile/);
    assert.match(text, /source\.dockerfile\.layerwise/);
    await screenshot(p, 'grammar-scopes');
    await p.keyboard.press('Escape');
    await goTo(p, 6, 26); // RUN mkdir -p /www && e|cho: embedded shell
    await runCommand(p, 'Developer: Inspect Editor Tokens and Scopes');
    await waitUntil(
      () => widget.innerText(),
      (value) => /meta\.embedded\.block\.shell/.test(value),
      'shell scopes in RUN',
    );
    await p.keyboard.press('Escape');
    assert.match(await editorText(editor), /FROM scratch AS web/);
  });

  it('hovering an instruction keyword shows our documentation in English', async () => {
    await expectEnglishHoverOnFrom(page(), 'hover-english');
  });

  it('the brief hover\'s "Open the full page" link opens the whole page beside the editor', async () => {
    const p = page();
    await closeAllEditors(p);
    const hover = await showHover(p, 'Dockerfile', 3, 2);
    const link = hover.locator('a', { hasText: 'Open the full page' }).first();
    await link.waitFor({ timeout: 15_000 });
    await link.click();
    // markdown.showPreviewToSide: a second editor group whose active tab previews
    // layerwise-docs:/en/instruction/FROM.md.
    const previewTab = p.locator('.editor-group-container .tab.active', { hasText: /FROM\.md/ }).first();
    await previewTab.waitFor({ timeout: 30_000 });
    assert.equal(await p.locator('.editor-group-container').count(), 2, 'the page opens beside the Dockerfile');
    assert.equal(await p.locator('.editor-group-container .tab[data-resource-name="Dockerfile"]').count(), 1);
    await p.keyboard.press('Escape');
    // The preview is a webview (frames inside the workbench's): it renders the whole page, with
    // the sections the brief hover leaves out.
    const webviewText = async (): Promise<string> => {
      const frames = p.frames().filter((frame) => frame !== p.mainFrame());
      const texts = await Promise.all(
        frames.map((frame) =>
          frame
            .evaluate(
              () =>
                (globalThis as unknown as { document: { body?: { innerText: string } } }).document.body?.innerText ??
                '',
            )
            .catch(() => ''),
        ),
      );
      return plain(texts.join('\n'));
    };
    await waitUntil(
      webviewText,
      (text) => /Starts a new build stage/.test(text) && /Common mistakes/.test(text) && /Example/.test(text),
      'the full FROM page in the preview',
    );
    await screenshot(p, 'hover-full-page');
  });

  it('after choosing Korean for layerwise.docs.language in the Settings UI the hover is in Korean', async () => {
    const p = page();
    await closeAllEditors(p);
    await openFile(p, 'Dockerfile');
    // The server logs every settings change it applies: proof that the client forwarded it.
    await showOutputChannel(p, 'Layerwise');
    await chooseUserSetting(p, 'layerwise.docs.language', 'ko');
    await waitUntil(
      () => outputText(p),
      (text) => appliedLanguage(text) === 'ko',
      'the server to log "settings applied (language ko)"',
    );
    await screenshot(p, 'settings-korean');
    try {
      const hover = await showHover(p, 'Dockerfile', 3, 2);
      await waitUntil(
        () => hover.innerText().catch(() => ''),
        (text) => /새 빌드 스테이지를 시작합니다/.test(text),
        'a Korean hover on FROM',
        15_000,
      );
      await screenshot(p, 'hover-korean');
      await p.keyboard.press('Escape');
      // The extension's own messages follow the setting too, though VS Code's display language is English.
      await runCommand(p, 'Layerwise: What does changing this file rebuild?');
      await p
        .locator('.quick-input-widget', { hasText: 'Dockerfile을(를) 바꾸면 다시 빌드되는 것' })
        .waitFor({ timeout: 15_000 });
      await p.keyboard.press('Escape');
    } finally {
      // Back to the default (which follows VS Code's English display language) for later steps.
      await chooseUserSetting(p, 'layerwise.docs.language', 'auto');
      await waitUntil(
        () => outputText(p),
        (text) => appliedLanguage(text) === 'en',
        'the server to log "settings applied (language en)"',
      );
    }
  });

  it('typing triggers completion with instruction keywords, and accepting one inserts it', async () => {
    const p = page();
    const editor = await completeWorkdir(p, 'completion');
    await p.locator('.tab.active.dirty[data-resource-name="broken.Dockerfile"]').waitFor();
    await runCommand(p, 'File: Revert File');
    await p.locator('.tab.active[data-resource-name="broken.Dockerfile"]:not(.dirty)').waitFor();
    await waitUntil(
      () => editorText(editor),
      (text) => !/WORKD/.test(text),
      'the fixture text back after File: Revert File',
    );
  });

  it('"Layerwise: Build Image" builds in the real engine and the terminal shows the output', async () => {
    const p = page();
    await closeAllEditors(p);
    await openFile(p, 'Dockerfile');
    await runCommand(p, 'Layerwise: Build Image');
    await answerInput(p, 'Image name:tag', IMAGE);
    await answerInput(p, 'Build context directory');
    const output = await waitUntil(
      () => terminalText(p).catch(() => ''),
      (text) => /Successfully tagged|naming to|exporting/.test(text),
      'the build output in the terminal',
      180_000,
    );
    assert.match(output, /Step \d+\/\d+ :/);
    await screenshot(p, 'build-terminal');
    const inspect = docker('image', 'inspect', IMAGE, '--format', '{{.Id}}');
    assert.equal(inspect.status, 0, `docker image inspect ${IMAGE}: ${inspect.stderr}`);
    assert.match(inspect.stdout, /^sha256:/);
  });

  it('the build insight hints appear on the instructions after the build', async () => {
    const p = page();
    await closeAllEditors(p);
    const editor = await openFile(p, 'Dockerfile');
    const hints = await waitUntil(
      () => afterDecorations(editor),
      (found) => found.some((text) => /\b(ran|cached|base image)\b/.test(text)),
      'build hints after the lines',
    );
    assert.ok(hints.length >= 2, `hints: ${JSON.stringify(hints)}`);
    await screenshot(p, 'build-hints');
  });

  it('"Layerwise: Run Container" starts the image and its published port answers', async () => {
    const p = page();
    await closeAllEditors(p);
    await openFile(p, 'Dockerfile');
    const hostPort = await freeHostPort();
    await runCommand(p, 'Layerwise: Run Container');
    await answerInput(p, 'Image to run', IMAGE);
    await answerInput(p, 'Container name', CONTAINER);
    await answerInput(p, /Host port for container port 8080/, String(hostPort));
    await p
      .locator('.notifications-toasts', { hasText: `Container ${CONTAINER} is running` })
      .first()
      .waitFor({ timeout: 60_000 });
    await screenshot(p, 'run-container');
    const body = await waitUntil(
      () =>
        fetch(`http://127.0.0.1:${hostPort}/`)
          .then((r) => r.text())
          .catch(() => ''),
      (text) => text.includes('hello from layerwise'),
      `http://127.0.0.1:${hostPort}/`,
    );
    assert.match(body, /hello from layerwise/);
  });

  it('reports the extension activation time (Developer: Show Running Extensions)', async (t) => {
    const p = page();
    await closeAllEditors(p);
    await runCommand(p, 'Developer: Show Running Extensions');
    const row = p.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Layerwise' }).first();
    await row.waitFor();
    const text = plain(await row.innerText());
    const activation = text.match(/(?:Activation|Startup Activation)[^\n]*?(\d+)\s*ms|(\d+)ms/i);
    t.diagnostic(`running extensions row: ${text.replace(/\s+/g, ' ')}`);
    await screenshot(p, 'running-extensions');
    assert.ok(activation, `no activation time in: ${text}`);
  });
});
