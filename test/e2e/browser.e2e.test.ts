// End-to-end in the browser's own extension host: the packaged .vsix in code-server 4.100.3 with
// `remote.extensionKind` set to ["web"] for Layerwise, so its `browser` entry runs in the web worker
// extension host inside Chromium (client in the worker, language server in a worker of its own) and
// no Node process of ours is involved. Without the setting code-server would pick the Node host for
// an extension that has `main` too; the first step proves it did not ("Developer: Show Running
// Extensions" labels an extension "web worker" there, and the server's address in the Node host).
import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';

import { completeWorkdir, expectEnglishHoverOnFrom } from './languageSteps';
import { useWorkbenchSession } from './session';
import {
  chooseUserSetting,
  closeAllEditors,
  editorText,
  goTo,
  openFile,
  outputText,
  paletteOffers,
  plain,
  runCommand,
  screenshot,
  showHover,
  showOutputChannel,
  showProblems,
  waitUntil,
} from './workbench';

/** Fixes offered in the browser too: a MaintainerDeprecated finding has a mechanical quick fix. */
const QUICK_FIX_FILE = 'maintainer.Dockerfile';
/** A finding of a rule that reads the RUN script: only there when the shell parser's WASM loaded. */
const SHELL_RULE_FILE = 'shell.Dockerfile';
/** Lower-case keywords and a cramped `&&`, which Format Document rewrites (the `&&` with shfmt's WASM). */
const FORMAT_FILE = 'unformatted.Dockerfile';

/** Commands that need a container engine: none may be offered where Layerwise runs in the browser. */
const DOCKER_COMMANDS = [
  'Layerwise: Build Image',
  'Layerwise: Run Container',
  'Layerwise: Run Interactive',
  'Layerwise: Build and Run',
  'Layerwise: Stop Container',
  'Layerwise: Show Logs',
  'Layerwise: Open Shell',
];

describe('Layerwise in the web worker extension host (code-server + Chromium)', { timeout: 4 * 60_000 }, () => {
  const { page } = useWorkbenchSession({
    name: 'layerwise-e2e-web',
    shotPrefix: 'web-',
    settings: { 'remote.extensionKind': { 'layerwise.layerwise': ['web'] } },
    files: {
      [QUICK_FIX_FILE]: 'FROM scratch\nMAINTAINER me\n',
      [SHELL_RULE_FILE]: 'FROM scratch\nRUN apt-get install curl\n',
      [FORMAT_FILE]: 'FROM scratch\nrun   echo a&&echo b\nCOPY . /src\n',
    },
  });

  // What the extension host says about Layerwise (it forwards its console to the page: activation
  // errors, the client's log): the first thing to read when a step fails.
  const hostMessages: string[] = [];
  before(() => {
    page().on('console', (message) => {
      const text = message.text();
      if (/layerwise/i.test(text)) hostMessages.push(`${message.type()}: ${text.replace(/%c/g, '').slice(0, 500)}`);
    });
  });
  afterEach((t) => {
    if ('passed' in t && !t.passed && 'diagnostic' in t && hostMessages.length > 0)
      t.diagnostic(`page console about Layerwise:\n${hostMessages.slice(-30).join('\n')}`);
  });

  it('opening a Dockerfile activates Layerwise in the web worker extension host', async (t) => {
    const p = page();
    await closeAllEditors(p);
    await openFile(p, 'broken.Dockerfile');
    // The running extensions view labels each extension with its host: "web worker" (globe icon)
    // in the browser, the server's address (remote icon) for code-server's Node host.
    await runCommand(p, 'Developer: Show Running Extensions');
    const row = p.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Layerwise' }).first();
    await row.waitFor();
    const host = plain(await row.locator('.msg').innerText()).trim();
    await screenshot(p, 'web-running-extensions');
    assert.equal(host, 'web worker', 'Layerwise must run in the web worker extension host');
    assert.equal(await row.locator('.codicon-globe').count(), 1);
    // Activation is reported once activate() returned; an error shows in the row instead.
    const activated = await waitUntil(
      () => row.innerText().then(plain),
      (text) => /Activation: \d+ms/.test(text),
      'the activation time in the running extensions row',
    );
    t.diagnostic(`running extensions row: ${activated.replace(/\s+/g, ' ')}`);
    // The language server, in a worker of its own, logs its start in the Layerwise channel.
    await showOutputChannel(p, 'Layerwise');
    const started = await waitUntil(
      () => outputText(p),
      (text) => /Layerwise language server started in \d+ ms/.test(text),
      'the Layerwise output channel',
    );
    t.diagnostic(started.match(/Layerwise language server started in \d+ ms/)?.[0] ?? '');
  });

  it("the Problems panel lists the parser's and the shell rules' diagnostics", async () => {
    const p = page();
    await closeAllEditors(p);
    await showProblems(p, 'broken.Dockerfile', [
      'Unknown instruction: FORM.',
      'Bad substitution',
      'The heredoc EOF is never closed',
    ]);
    await showProblems(p, SHELL_RULE_FILE, [
      'apt-get install without -y stops at its "Do you want to continue?" prompt',
    ]);
    await screenshot(p, 'web-problems-panel');
  });

  it('hovering an instruction keyword shows our documentation in English', async () => {
    await expectEnglishHoverOnFrom(page(), 'web-hover-english');
  });

  it('typing triggers completion with instruction keywords, and accepting one inserts it', async () => {
    await completeWorkdir(page(), 'web-completion');
  });

  it('a quick fix from the light bulb menu rewrites MAINTAINER as a label', async () => {
    const p = page();
    await closeAllEditors(p);
    await showProblems(p, QUICK_FIX_FILE, ['MAINTAINER is deprecated']);
    const editor = await openFile(p, QUICK_FIX_FILE);
    await goTo(p, 2, 1);
    await runCommand(p, 'Quick Fix...');
    // The menu lays a pointer block over the page while open: the fix is chosen with the keyboard.
    const menu = p.locator('.action-widget');
    const title = 'Replace with an authors label';
    await menu.locator(`.monaco-list-row[aria-label="${title}"]`).waitFor({ timeout: 15_000 });
    await screenshot(p, 'web-quick-fix-menu');
    const focused = menu.locator('.monaco-list-row.focused');
    await waitUntil(
      async () => {
        const label = await focused.getAttribute('aria-label');
        if (label !== title) await p.keyboard.press('ArrowDown');
        return label;
      },
      (label) => label === title,
      `"${title}" focused in the quick fix menu`,
    );
    await p.keyboard.press('Enter');
    await waitUntil(
      () => editorText(editor),
      (text) => text.includes('LABEL org.opencontainers.image.authors="me"') && !/MAINTAINER/.test(text),
      'the quick fix applied',
    );
  });

  it('Format Document formats with the Layerwise formatter', async () => {
    const p = page();
    await closeAllEditors(p);
    const editor = await openFile(p, FORMAT_FILE);
    await runCommand(p, 'Format Document');
    // Layer hints are drawn inside the lines, after their text.
    const text = await waitUntil(
      () => editorText(editor),
      (value) => /^RUN echo a && echo b\b/m.test(value),
      'the RUN line formatted',
    );
    assert.deepEqual(
      text.split('\n').map((line) => line.split(' ').slice(0, 2).join(' ')),
      ['FROM scratch', 'RUN echo', 'COPY .', ''],
    );
    await screenshot(p, 'web-formatted');
  });

  it("the walkthrough's example opens from the command palette, and Layerwise hovers it", async () => {
    const p = page();
    await closeAllEditors(p);
    // The browser's own command (client/src/walkthrough/browserWalkthrough.ts): no node:fs, an untitled copy.
    await runCommand(p, 'Layerwise: Open the Walkthrough Example');
    const editor = p.locator('.editor-group-container.active .monaco-editor').first();
    await waitUntil(
      () => editorText(editor),
      (text) => text.includes('FROM scratch AS base'),
      "the example's Dockerfile in the active editor",
    );
    // Line 7 is `FROM scratch AS base`: the language server answers for the untitled document too.
    await goTo(p, 7, 2);
    await runCommand(p, 'Show or Focus Hover');
    const hover = p.locator('.monaco-hover:not(.hidden)').first();
    await waitUntil(
      () => hover.innerText().catch(() => ''),
      (text) => /Starts a new build stage/.test(text),
      "an English hover on the example's FROM",
      15_000,
    );
    await screenshot(p, 'web-walkthrough-example');
    await p.keyboard.press('Escape');
  });

  it('the command palette offers no build or run commands', async () => {
    const p = page();
    await closeAllEditors(p);
    // In a Dockerfile, where the Node host offers them (korean.e2e.test.ts checks that).
    await openFile(p, 'Dockerfile');
    const offered: string[] = [];
    for (const title of DOCKER_COMMANDS) if (await paletteOffers(p, title)) offered.push(title);
    assert.deepEqual(offered, [], `docker commands in the palette: ${JSON.stringify(offered)}`);
  });

  it('after choosing Korean for layerwise.docs.language in the Settings UI the hover is in Korean', async () => {
    const p = page();
    await closeAllEditors(p);
    await chooseUserSetting(p, 'layerwise.docs.language', 'ko');
    try {
      // The setting reaches the worker's server asynchronously: hover again until it answers in Korean.
      await waitUntil(
        async () => {
          const hover = await showHover(p, 'Dockerfile', 3, 2);
          const text = await waitUntil(
            () => hover.innerText().catch(() => ''),
            (value) => /FROM|스테이지/.test(value),
            'a hover on FROM',
            15_000,
          );
          await p.keyboard.press('Escape');
          return plain(text);
        },
        (text) => /새 빌드 스테이지를 시작합니다/.test(text),
        'a Korean hover on FROM',
        60_000,
      );
      const hover = await showHover(p, 'Dockerfile', 3, 2);
      await hover
        .getByText(/새 빌드 스테이지를 시작합니다/)
        .first()
        .waitFor();
      await screenshot(p, 'web-hover-korean');
      await p.keyboard.press('Escape');
    } finally {
      await chooseUserSetting(p, 'layerwise.docs.language', 'auto');
    }
  });
});
