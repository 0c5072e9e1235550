// Steps that check the same language feature in every extension host (Node in
// layerwise.e2e.test.ts, the web worker in browser.e2e.test.ts), written once.
import type { Locator, Page } from 'playwright-core';

import { closeAllEditors, editorText, goTo, openFile, screenshot, showHover, waitUntil } from './workbench';

/** Hovers FROM in the workspace's Dockerfile and waits for our English documentation. */
export async function expectEnglishHoverOnFrom(page: Page, shot: string): Promise<void> {
  await closeAllEditors(page);
  const hover = await showHover(page, 'Dockerfile', 3, 2);
  await waitUntil(
    () => hover.innerText().catch(() => ''),
    (text) => /Starts a new build stage/.test(text),
    'an English hover on FROM',
    15_000,
  );
  await screenshot(page, shot);
  await page.keyboard.press('Escape');
}

/**
 * Types `WORKD` on a new line after `FROM scratch` in broken.Dockerfile, asks for completion,
 * accepts WORKDIR and waits for it in the text; returns the editor, whose file is left unsaved.
 */
export async function completeWorkdir(page: Page, shot: string): Promise<Locator> {
  await closeAllEditors(page);
  const editor = await openFile(page, 'broken.Dockerfile');
  await goTo(page, 1, 13); // end of "FROM scratch"
  await page.keyboard.press('Enter');
  await page.keyboard.type('WORKD');
  await page.keyboard.press('Control+Space');
  const widget = page.locator('.suggest-widget.visible');
  await widget.locator('.monaco-list-row', { hasText: 'WORKDIR' }).first().waitFor({ timeout: 15_000 });
  await screenshot(page, shot);
  await page.keyboard.press('Enter');
  await waitUntil(
    () => editorText(editor),
    (text) => /^WORKDIR/m.test(text),
    'WORKDIR inserted',
  );
  return editor;
}
