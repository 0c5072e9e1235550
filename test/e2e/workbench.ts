// Drives the VS Code workbench in Chromium through Playwright: every helper waits on a UI
// state (a selector, a text), never on a fixed delay alone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

import { ROOT } from './codeServer';

export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.LAYERWISE_CHROMIUM ?? '/usr/bin/chromium';

export interface Workbench {
  readonly browser: Browser;
  readonly page: Page;
}

export async function openWorkbench(url: string, folder: string): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor();
  return { browser, page };
}

let shot = 0;
export async function screenshot(page: Page, step: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  shot += 1;
  const file = join(SCREENSHOT_DIR, `${String(shot).padStart(2, '0')}-${step}.png`);
  await page.screenshot({ path: file });
  return file;
}

const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');

/** Runs a command from the palette by its label, e.g. "Layerwise: Build Image". */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor();
  await input.fill(`>${label}`);
  const row = quickInput(page).locator('.monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  await row.click();
}

/** Answers the current input box: replaces its value (unless undefined) and accepts it. */
export async function answerInput(page: Page, title: string | RegExp, value?: string): Promise<void> {
  const widget = quickInput(page);
  await widget.locator('.quick-input-title, .quick-input-header', { hasText: title }).first().waitFor();
  const input = widget.locator('input');
  if (value !== undefined) await input.fill(value);
  await input.press('Enter');
}

/** Opens a workspace file with Quick Open and waits for its editor. */
export async function openFile(page: Page, name: string): Promise<Locator> {
  await page.keyboard.press('Control+P');
  const input = quickInput(page).locator('input');
  await input.waitFor();
  await input.fill(name);
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = quickInput(page).locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor();
  await row.click();
  await page.locator(`.tab[data-resource-name="${name}"].active`).waitFor();
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/** Puts the cursor at a 1-based line and column with Go to Line. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = quickInput(page).locator('input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await input.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** The text of the editor's lines as rendered (non-breaking spaces made plain). */
export async function editorText(editor: Locator): Promise<string> {
  const lines = await editor.locator('.view-line').evaluateAll((nodes) =>
    nodes
      .map((node) => ({ top: parseFloat((node as unknown as { style: { top: string } }).style.top), text: node.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, ' ')),
  );
  return lines.join('\n');
}

/** Texts of `after` decorations (VS Code renders them as ::after content in the view lines). */
export async function afterDecorations(editor: Locator): Promise<string[]> {
  return editor.locator('.view-lines').evaluate((root) => {
    const found: string[] = [];
    const style = globalThis as unknown as { getComputedStyle(element: unknown, pseudo: string): { content: string } };
    for (const element of Array.from(root.querySelectorAll('span'))) {
      const content = style.getComputedStyle(element, '::after').content;
      if (content && content !== 'none' && content !== 'normal' && content !== '""') found.push(content.replace(/^"|"$/g, ''));
    }
    return found;
  });
}

/** Rendered text with non-breaking spaces made plain. */
export const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

/** Text of the terminal panel (DOM renderer). */
export async function terminalText(page: Page): Promise<string> {
  return plain(await page.locator('.terminal-wrapper.active .xterm-rows, .xterm-rows').first().innerText());
}

/** Waits until `read` returns a value that passes `ok`, polling (each poll is a UI read). */
export async function waitUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
}
